/**
 * Errors of the token endpoint as RFC 6749 §5.2 defines them, which SMART Backend Services
 * clients read: a JSON body { error, error_description } (description in French), never
 * cached. invalid_client answers 401 with WWW-Authenticate (the client failed to
 * authenticate); every other code answers 400.
 */
export type TOAuthErrorCode = "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";

export class OAuthError extends Error {
  readonly status: number;
  readonly error: TOAuthErrorCode;
  readonly headers: Record<string, string>;

  constructor(error: TOAuthErrorCode, description: string, options: { status?: number; headers?: Record<string, string> } = {}) {
    super(description);
    this.name = "OAuthError";
    this.error = error;
    this.status = options.status ?? (error === "invalid_client" ? 401 : 400);
    this.headers = options.headers ?? {};
  }
}

export function isOAuthError(error: unknown): error is OAuthError {
  return error instanceof OAuthError;
}

const NO_STORE = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", pragma: "no-cache" };

/** A JSON answer of the token endpoint (the token itself, or an error), never cached. */
export function oauthJsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...NO_STORE, ...headers } });
}

/** Any thrown value as an RFC 6749 §5.2 answer: an OAuthError as itself, anything else a bare 500. */
export function oauthErrorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  if (isOAuthError(error)) {
    const challenge: Record<string, string> = error.status === 401 ? { "www-authenticate": `Bearer error="${error.error}"` } : {};
    return oauthJsonResponse({ error: error.error, error_description: error.message }, error.status, { ...challenge, ...error.headers, ...headers });
  }
  console.error("Point de jeton : erreur inattendue", error);
  return oauthJsonResponse({ error: "server_error", error_description: "Erreur interne du serveur : la demande n'a pas été traitée. Réessayez plus tard." }, 500, headers);
}
