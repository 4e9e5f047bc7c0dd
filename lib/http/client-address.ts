import { isIP } from "node:net";

/** "::ffff:192.0.2.1" (an IPv4 peer seen on an IPv6 socket) is 192.0.2.1. */
function normalizeAddress(value: string): string {
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

/** TRUSTED_PROXIES: the addresses of our own reverse proxies, separated by commas or spaces. */
export function trustedProxies(value: string | undefined = process.env.TRUSTED_PROXIES): Set<string> {
  return new Set(
    (value ?? "")
      .split(/[\s,]+/)
      .filter((a) => a !== "")
      .map(normalizeAddress),
  );
}

/**
 * The client's address from the X-Forwarded-For a request arrives with, or null.
 * Next.js route handlers and server actions do not see the socket peer: `next start`
 * puts it in X-Forwarded-For only when the request has none, and keeps whatever the client
 * sent otherwise. So the header is believed only behind our own proxies (TRUSTED_PROXIES,
 * the server reachable through them alone): read from the right, each trusted proxy's
 * entry is skipped and the first other address is the client (what the client wrote
 * itself stands further left). Without trusted proxies, no address: a forged one in a
 * trace would be worse than none.
 */
export function clientAddress(forwardedFor: string | null, trusted: ReadonlySet<string>): string | null {
  if (trusted.size === 0 || !forwardedFor) return null;
  const hops = forwardedFor.split(",").map(normalizeAddress).filter((a) => a !== "");
  let candidate: string | undefined;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    candidate = hops[i];
    if (!trusted.has(candidate!)) break;
  }
  return candidate !== undefined && isIP(candidate) !== 0 ? candidate : null;
}
