import "server-only";
import { headers } from "next/headers";
import { clientAddress, trustedProxies } from "./client-address";

/**
 * The caller's address as our trusted proxy reports it (traces keep it), or null when no
 * trusted proxy is configured (TRUSTED_PROXIES) or the header does not hold an address.
 */
export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return clientAddress(h.get("x-forwarded-for"), trustedProxies());
}
