import { clientAddress, trustedProxies } from "@/lib/http/client-address";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FHIR_BASE_PATH, TOKEN_PATH } from "../constants";
import { platformNow } from "@/lib/clock/clock";

/** What the API handlers need: the database (the server's, or a test one) and the clock. */
export type TFhirDeps = { db: PrismaClient; now?: () => Date };

export function nowOf(deps: TFhirDeps): Date {
  return deps.now ? deps.now() : platformNow();
}

/** The public origin: NEXTAUTH_URL when set (behind a proxy), else the request's own. */
function origins(request: Request): string[] {
  const own = new URL(request.url).origin;
  const configured = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
  return configured && configured !== own ? [configured, own] : [own];
}

export function fhirBaseUrl(request: Request): string {
  return `${origins(request)[0]}${FHIR_BASE_PATH}`;
}

export function publicOrigin(request: Request): string {
  return origins(request)[0] as string;
}

/** The token URLs a client assertion may name as its audience. */
export function tokenUrls(request: Request): string[] {
  return origins(request).map((o) => `${o}${TOKEN_PATH}`);
}

/** The caller's address, by the one rule of lib/pro/client-address (X-Forwarded-For only behind TRUSTED_PROXIES). */
export function clientIp(request: Request): string | null {
  return clientAddress(request.headers.get("x-forwarded-for"), trustedProxies());
}
