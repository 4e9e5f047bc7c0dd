import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/db/create-client";

/**
 * The attempts each entry point accepts, per account (the identifier typed, the card, the
 * API client) and per client address, in a window of `seconds`. Every attempt counts,
 * successful or not; the patient lock-outs and the PIN counter come on top of these.
 */
export const RATE_LIMITS = {
  /** Identifier + password (patient sign-in, step 1). */
  patientSignIn: { perAccount: 10, perAddress: 100, seconds: 15 * 60 },
  /** The sign-in code typed (step 2). */
  patientSignInCode: { perAccount: 10, perAddress: 100, seconds: 15 * 60 },
  /** "Send a new code". */
  codeResend: { perAccount: 5, perAddress: 30, seconds: 15 * 60 },
  /** Password reset: the request and the code + new password. */
  passwordReset: { perAccount: 5, perAddress: 30, seconds: 60 * 60 },
  /** CPS card sign-in challenge (the PIN is checked there). */
  cardChallenge: { perAccount: 20, perAddress: 100, seconds: 15 * 60 },
  /** API token endpoint (client_credentials), per client and per address. */
  apiToken: { perAccount: 60, perAddress: 300, seconds: 60 },
} as const;

export type TRateLimitName = keyof typeof RATE_LIMITS;

export type TRateLimitKeys = {
  /** The account as the caller names it (identifier, card serial, client id); null when unknown. */
  account?: string | null;
  /** The client address; null when no trusted proxy reports it (then only the account is counted). */
  address?: string | null;
};

export type TRateLimitVerdict = { ok: true } | { ok: false; message: string; retryAfterSeconds: number };

/** Same words whatever was counted: the answer does not tell whether an account exists. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Trop de tentatives. Par sécurité, réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}

type TLimiters = Record<TRateLimitName, { account: RateLimiterPrisma; address: RateLimiterPrisma }>;

// One set of limiters per database client (the server's, or a test's).
const limitersByClient = new WeakMap<PrismaClient, TLimiters>();

function limitersFor(db: PrismaClient): TLimiters {
  const existing = limitersByClient.get(db);
  if (existing) return existing;
  const make = (name: string, points: number, duration: number) =>
    new RateLimiterPrisma({ storeClient: db, tableName: "rateLimitCounter", keyPrefix: name, points, duration });
  const limiters = Object.fromEntries(
    Object.entries(RATE_LIMITS).map(([name, l]) => [name, { account: make(`${name}:account`, l.perAccount, l.seconds), address: make(`${name}:address`, l.perAddress, l.seconds) }]),
  ) as TLimiters;
  limitersByClient.set(db, limiters);
  return limiters;
}

/** Identifiers and addresses are stored hashed: the counter table names nobody. */
function hashed(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("base64url");
}

/**
 * Counts one attempt against the named limit, for the account and for the address, in the
 * database (every server process shares the counts). Refused once either is exhausted.
 */
export async function consumeRateLimit(db: PrismaClient, name: TRateLimitName, keys: TRateLimitKeys): Promise<TRateLimitVerdict> {
  const limiters = limitersFor(db)[name];
  const attempts: Promise<unknown>[] = [];
  if (keys.account) attempts.push(limiters.account.consume(hashed(keys.account)));
  if (keys.address) attempts.push(limiters.address.consume(hashed(keys.address)));
  const outcomes = await Promise.allSettled(attempts);
  let refused = false;
  let retryAfterMs = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "fulfilled") continue;
    // A store error is not a verdict: let it surface as a server error.
    if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
    refused = true;
    retryAfterMs = Math.max(retryAfterMs, outcome.reason.msBeforeNext);
  }
  if (!refused) return { ok: true };
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return { ok: false, message: rateLimitMessage(retryAfterSeconds), retryAfterSeconds };
}
