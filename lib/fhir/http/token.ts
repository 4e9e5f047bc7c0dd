import { exchangeClientAssertion } from "@/lib/oauth/exchange-token";
import { OAuthError, oauthErrorResponse, oauthJsonResponse } from "@/lib/oauth/oauth-error";
import { BodyTooLargeError, readBodyBytes, UNREAD_BODY_HEADERS } from "@/lib/http/body-limit";
import { nowOf, tokenUrls, type TFhirDeps } from "./deps";

/** A client assertion and a few parameters. */
export const MAX_TOKEN_REQUEST_BYTES = 64 * 1024;

/**
 * POST /api/oauth/token — SMART Backend Services client_credentials with a JWT assertion.
 * Every answer, error included, is OAuth JSON (RFC 6749 §5.1 / §5.2), never an OperationOutcome.
 */
export async function handleToken(deps: TFhirDeps, request: Request): Promise<Response> {
  try {
    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/x-www-form-urlencoded") {
      throw new OAuthError("invalid_request", "Content-Type application/x-www-form-urlencoded attendu (RFC 6749).");
    }
    let body: string;
    try {
      body = (await readBodyBytes(request, MAX_TOKEN_REQUEST_BYTES)).toString("utf8");
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw new OAuthError("invalid_request", "Requête trop volumineuse : le corps dépasse 64 Ko.", { status: 413, headers: UNREAD_BODY_HEADERS });
      }
      throw error;
    }
    const token = await exchangeClientAssertion(deps.db, new URLSearchParams(body), { tokenUrl: tokenUrls(request), now: nowOf(deps) });
    return oauthJsonResponse(token);
  } catch (error) {
    return oauthErrorResponse(error);
  }
}
