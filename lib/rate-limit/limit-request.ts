import "server-only";
import { prisma } from "@/lib/db/client";
import { requestIp } from "@/lib/http/request-ip";
import { consumeRateLimit, type TRateLimitName, type TRateLimitVerdict } from "./rate-limits";

/** Counts this request's attempt (server action or route handler) for the account named and the caller's address. */
export async function limitRequest(name: TRateLimitName, account: string | null | undefined): Promise<TRateLimitVerdict> {
  return consumeRateLimit(prisma, name, { account: account ?? null, address: await requestIp() });
}
