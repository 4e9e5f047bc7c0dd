import { capabilityStatement } from "../capability-statement";
import { errorResponse, fhirJsonResponse } from "../operation-outcome";
import { fhirBaseUrl, publicOrigin } from "./deps";

/** GET /api/fhir/metadata (no authentication, as FHIR servers do). */
export function handleMetadata(request: Request): Response {
  try {
    return fhirJsonResponse(capabilityStatement(fhirBaseUrl(request), publicOrigin(request)));
  } catch (error) {
    return errorResponse(error);
  }
}
