import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyClientAssertion } from "./client-assertion";
import { API_SCOPE, issueAccessToken, type TAccessTokenResponse } from "./access-token";
import { OAuthError } from "./oauth-error";

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/**
 * POST /api/oauth/token (SMART Backend Services): grant_type=client_credentials,
 * client_assertion_type=jwt-bearer, client_assertion=<JWT ES256 with x5c>. Returns a
 * bearer token valid 5 minutes, or throws an OAuthError (RFC 6749 §5.2). An optional
 * `scope` must name only scopes the API grants; the token carries them all (API_SCOPE).
 */
export async function exchangeClientAssertion(
  db: PrismaClient,
  form: URLSearchParams,
  options: { tokenUrl: string | readonly string[]; now?: Date },
): Promise<TAccessTokenResponse> {
  const grantType = form.get("grant_type");
  if (!grantType) throw new OAuthError("invalid_request", "grant_type manquant : « client_credentials » attendu.");
  if (grantType !== "client_credentials") throw new OAuthError("unsupported_grant_type", "grant_type doit valoir « client_credentials ».");
  if (form.get("client_assertion_type") !== CLIENT_ASSERTION_TYPE) {
    throw new OAuthError("invalid_request", `client_assertion_type doit valoir « ${CLIENT_ASSERTION_TYPE} ».`);
  }
  const assertion = form.get("client_assertion");
  if (!assertion) throw new OAuthError("invalid_request", "client_assertion manquante.");
  checkRequestedScope(form.get("scope"));
  const client = await verifyClientAssertion(db, assertion, options);
  return issueAccessToken(client, options.now);
}

/** The scopes a client may ask for: the API's own (SMART v2) and their SMART v1 spellings. */
export const REQUESTABLE_SCOPES: readonly string[] = [
  ...API_SCOPE.split(" "),
  "system/DocumentReference.read",
  "system/DocumentReference.write",
  "system/DocumentReference.*",
  "system/DocumentReference.rs",
  "system/DocumentReference.c",
  "system/Binary.read",
  "system/Binary.rs",
];

function checkRequestedScope(scope: string | null): void {
  if (scope === null) return;
  const requested = scope.split(" ").filter(Boolean);
  const unknown = requested.filter((s) => !REQUESTABLE_SCOPES.includes(s));
  if (requested.length === 0 || unknown.length > 0) {
    throw new OAuthError("invalid_scope", `scope non pris en charge : ${(unknown[0] ?? "vide").slice(0, 80)}. Portées possibles : ${API_SCOPE}.`);
  }
}
