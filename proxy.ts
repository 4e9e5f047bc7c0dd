import { NextResponse, type NextRequest } from "next/server";
import { isDevRoute } from "@/lib/dev-tools/dev-routes";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { contentSecurityPolicy, isServedOverHttps, securityHeaders } from "@/lib/http/security-headers";

const NOT_FOUND_PATH = "/_introuvable";

/**
 * Runs before every page and API route: development routes are not found in realistic
 * mode, and every answer carries the security headers with a fresh CSP nonce (Next.js
 * reads it from the request's Content-Security-Policy header and puts it on its scripts).
 */
export function proxy(request: NextRequest): NextResponse {
  const https = isServedOverHttps(request.nextUrl.protocol);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response =
    !isDevToolsEnabled() && isDevRoute(request.nextUrl.pathname)
      ? // A path no route serves: the site's own "not found" page, with its 404 status.
        NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } })
      : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not the build's static files: they are immutable and carry no page.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
