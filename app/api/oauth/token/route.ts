import { decodeJwt } from "jose";
import { BodyTooLargeError, readBodyBytes, UNREAD_BODY_HEADERS } from "@/lib/http/body-limit";
import { OAuthError, oauthErrorResponse } from "@/lib/oauth/oauth-error";
import { MAX_TOKEN_REQUEST_BYTES } from "@/lib/fhir/http/token";
import { oauthToken } from "@/lib/fhir/http/server-handlers";
import { limitRequest } from "@/lib/rate-limit/limit-request";

export const dynamic = "force-dynamic";

/** The client the assertion names (unverified: only used to count its attempts). */
function claimedClient(form: string): string | null {
  const assertion = new URLSearchParams(form).get("client_assertion");
  if (!assertion) return null;
  try {
    const claims = decodeJwt(assertion);
    return typeof claims.iss === "string" ? claims.iss.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** SMART Backend Services token endpoint (client_credentials + JWT client assertion); errors per RFC 6749 §5.2. */
export async function POST(request: Request) {
  let form: string;
  try {
    form = (await readBodyBytes(request, MAX_TOKEN_REQUEST_BYTES)).toString("utf8");
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return oauthErrorResponse(new OAuthError("invalid_request", "Requête trop volumineuse : le corps dépasse 64 Ko.", { status: 413, headers: UNREAD_BODY_HEADERS }));
    }
    throw error;
  }
  const limit = await limitRequest("apiToken", claimedClient(form));
  if (!limit.ok) {
    return oauthErrorResponse(new OAuthError("invalid_request", limit.message, { status: 429, headers: { "retry-after": String(limit.retryAfterSeconds) } }));
  }
  return oauthToken(new Request(request.url, { method: "POST", headers: request.headers, body: form }));
}
