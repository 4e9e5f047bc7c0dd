import { fhirRequest } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** CapabilityStatement of the FHIR API. */
export function GET(request: Request) {
  return fhirRequest(request);
}
