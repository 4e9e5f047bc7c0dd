import { NextResponse, type NextRequest } from "next/server";
import { isDevRoute } from "@/lib/dev-tools/dev-routes";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { contentSecurityPolicy, HSTS, isServedOverHttps } from "@/lib/http/security-headers";

const NOT_FOUND_PATH = "/_introuvable";

/**
 * Runs before every page and API route: development routes are not found in realistic
 * mode, and every answer carries the security headers with a fresh CSP nonce (Next.js
 * reads it from the request's Content-Security-Policy header and puts it on its scripts).
 */
export function proxy(request: NextRequest): NextResponse {
  // A path that is not valid percent-encoding names no page: Next's own decoding of the
  // route's parameters would otherwise end in a 500.
  if (!isDecodablePath(request.nextUrl.pathname)) {
    return new NextResponse("Requête invalide : adresse mal encodée.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
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
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    {
      // Not the build's static files (immutable, no page), and not a request with a body:
      // Next would read a body through to its end to give the proxy a copy, before the
      // route's own limit could refuse it. Those answers get the static headers of
      // next.config.ts; their routes check the development tools themselves.
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
