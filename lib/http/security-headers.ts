/** Cookies are marked Secure when the site's public address is HTTPS (NEXTAUTH_URL). */
export function cookiesAreSecure(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").startsWith("https://");
}

/** Whether the site is served over HTTPS: its public address says so, or the request came in over TLS. */
export function isServedOverHttps(requestProtocol: string, env: Record<string, string | undefined> = process.env): boolean {
  return cookiesAreSecure(env) || requestProtocol === "https:";
}

/**
 * The Content-Security-Policy of every page: scripts only from this site with the request's
 * nonce (Next.js puts it on its own scripts), nothing framing the site, no plug-ins.
 * `next dev` also needs eval for its fast refresh.
 */
export function contentSecurityPolicy(options: { nonce: string; https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React and Next set style attributes (route announcer, layout shifts).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Sent with pages served over HTTPS: two years, subdomains included. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The headers every answer carries, whatever the request (next.config.ts sends them, even
 * on errors and on requests the proxy does not see). The CSP and HSTS come from the proxy.
 */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
