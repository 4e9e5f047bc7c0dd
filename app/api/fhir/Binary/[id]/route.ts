import { fhirRequest } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** ITI-68 Retrieve Document. */
export function GET(request: Request) {
  return fhirRequest(request);
}
