import { fhirRequest } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** ITI-66 Find Document Lists (SubmissionSets). */
export function GET(request: Request) {
  return fhirRequest(request);
}
