import { ingestBundle } from "@/lib/feed/ingest-bundle";
import { errorResponse, fhirJsonResponse, FhirError, outcomeResponse } from "../operation-outcome";
import { ingestIssues, transactionResponse } from "../transaction-response";
import { authenticate, feedCallerOf } from "./authenticate";
import { clientIp, nowOf, type TFhirDeps } from "./deps";
import { parseJsonBody, readLimitedBody } from "./read-body";

const JSON_TYPES = ["application/fhir+json", "application/json"];

/**
 * POST /api/fhir — ITI-65 Provide Document Bundle. Authentication first, then the body
 * (refused above 15 MB before parsing), then lib/feed/ingest-bundle (all or nothing).
 * Answers a transaction-response Bundle (200) or an OperationOutcome in French.
 */
export async function handleProvideBundle(deps: TFhirDeps, request: Request): Promise<Response> {
  try {
    const subject = await authenticate(deps, request);
    const caller = await feedCallerOf(deps, request, subject);
    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (contentType && !JSON_TYPES.includes(contentType)) {
      throw new FhirError(415, "not-supported", `Type de contenu « ${contentType.slice(0, 60)} » non pris en charge : application/fhir+json attendu.`);
    }
    const json = parseJsonBody(await readLimitedBody(request));
    const result = await ingestBundle(deps.db, caller, json, { ipAddress: clientIp(request), now: nowOf(deps) });
    if (!result.ok) return outcomeResponse(result.status, ingestIssues(result));
    return fhirJsonResponse(transactionResponse(json, result), 200);
  } catch (error) {
    return errorResponse(error);
  }
}
