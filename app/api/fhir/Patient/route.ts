import { fhirRequest } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** Patient lookup by INS (PDQm ITI-78 style): does a record exist, and may the caller open it? */
export function GET(request: Request) {
  return fhirRequest(request);
}
