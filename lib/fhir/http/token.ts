import { exchangeClientAssertion } from "@/lib/oauth/exchange-token";
import { errorResponse, FhirError } from "../operation-outcome";
import { nowOf, tokenUrls, type TFhirDeps } from "./deps";
import { readLimitedBody } from "./read-body";

/** POST /api/oauth/token — SMART Backend Services client_credentials with a JWT assertion. */
export async function handleToken(deps: TFhirDeps, request: Request): Promise<Response> {
  try {
    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/x-www-form-urlencoded") {
      throw new FhirError(400, "invalid", "Content-Type application/x-www-form-urlencoded attendu (RFC 6749).");
    }
    const form = new URLSearchParams(await readLimitedBody(request, 64 * 1024));
    const token = await exchangeClientAssertion(deps.db, form, { tokenUrl: tokenUrls(request), now: nowOf(deps) });
    return new Response(JSON.stringify(token), {
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", pragma: "no-cache" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
