import { decodeJwt } from "jose";
import { BodyTooLargeError, readBodyBytes } from "@/lib/http/body-limit";
import { errorResponse, FhirError, outcomeResponse } from "@/lib/fhir/operation-outcome";
import { oauthToken } from "@/lib/fhir/http/server-handlers";
import { limitRequest } from "@/lib/rate-limit/limit-request";

export const dynamic = "force-dynamic";

/** A client assertion and a few parameters. */
const MAX_BODY_BYTES = 64 * 1024;

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

/** SMART Backend Services token endpoint (client_credentials + JWT client assertion). */
export async function POST(request: Request) {
  let form: string;
  try {
    form = (await readBodyBytes(request, MAX_BODY_BYTES)).toString("utf8");
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return errorResponse(new FhirError(413, "too-long", "Requête trop volumineuse : le corps dépasse 64 Ko.", { headers: { connection: "close" } }));
    }
    throw error;
  }
  const limit = await limitRequest("apiToken", claimedClient(form));
  if (!limit.ok) {
    return outcomeResponse(429, [{ severity: "error", code: "throttled", diagnostics: limit.message }], { "retry-after": String(limit.retryAfterSeconds) });
  }
  return oauthToken(new Request(request.url, { method: "POST", headers: request.headers, body: form }));
}
