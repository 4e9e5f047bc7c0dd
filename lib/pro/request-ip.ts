import "server-only";
import { headers } from "next/headers";

/** The caller's address as the proxy reports it (traces keep it), or null. */
export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}
