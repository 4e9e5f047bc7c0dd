import { fhirRequest } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** ITI-67 Find Document References. */
export function GET(request: Request) {
  return fhirRequest(request);
}
