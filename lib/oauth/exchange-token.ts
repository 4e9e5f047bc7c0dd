import type { PrismaClient } from "@/lib/generated/prisma/client";
import { oauthError, verifyClientAssertion } from "./client-assertion";
import { issueAccessToken, type TAccessTokenResponse } from "./access-token";

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/**
 * POST /api/oauth/token (SMART Backend Services): grant_type=client_credentials,
 * client_assertion_type=jwt-bearer, client_assertion=<JWT ES256 with x5c>. Returns a
 * bearer token valid 5 minutes, or throws a FhirError (400 bad request, 401 refused).
 */
export async function exchangeClientAssertion(
  db: PrismaClient,
  form: URLSearchParams,
  options: { tokenUrl: string | readonly string[]; now?: Date },
): Promise<TAccessTokenResponse> {
  const grantType = form.get("grant_type");
  if (grantType !== "client_credentials") throw oauthError(400, "unsupported_grant_type", "grant_type doit valoir « client_credentials ».");
  if (form.get("client_assertion_type") !== CLIENT_ASSERTION_TYPE) {
    throw oauthError(400, "invalid_request", `client_assertion_type doit valoir « ${CLIENT_ASSERTION_TYPE} ».`);
  }
  const assertion = form.get("client_assertion");
  if (!assertion) throw oauthError(400, "invalid_request", "client_assertion manquante.");
  const client = await verifyClientAssertion(db, assertion, options);
  return issueAccessToken(client, options.now);
}
