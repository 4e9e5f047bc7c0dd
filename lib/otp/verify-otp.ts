import type { OtpPurpose } from "@/lib/generated/prisma/enums";
import type { OtpChallenge, PrismaClient } from "@/lib/generated/prisma/client";
import { afterFailure, challengeStatus, codeMatches, isLocked, MAX_FAILURES } from "./otp-rules";
import { platformNow } from "@/lib/clock/clock";
import { authenticatorCodeMatches } from "./authenticator-code";
import { lockForTransaction } from "@/lib/db/dialect";

export type TVerifyOtpResult =
  | { ok: true; challenge: OtpChallenge }
  | { ok: false; reason: "INVALID"; remaining: number }
  | { ok: false; reason: "EXPIRED" | "UNKNOWN" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

/**
 * Checks a code against a challenge of the given purpose. A right code consumes the
 * challenge (single use). A wrong one counts against the challenge and, for an account,
 * against the account: the fifth wrong code in a row locks sign-in (Account.lockedUntil).
 * Except a password-reset code: anyone can ask for one with an identifier, so its wrong
 * codes only exhaust that challenge; they neither lock the owner's sign-in nor wait for
 * its lock (the replies are those of a challenge without account, so an unknown identifier
 * gets the same ones). Every try is a LoginAttempt row.
 */
export async function verifyOtp(
  prisma: PrismaClient,
  input: { challengeId: string; code: string; purpose: OtpPurpose; now?: Date; ipAddress?: string | null },
): Promise<TVerifyOtpResult> {
  const now = input.now ?? platformNow();
  const code = input.code.replace(/\s/g, "");
  return prisma.$transaction(async (tx): Promise<TVerifyOtpResult> => {
    // PostgreSQL runs parallel tries side by side: each reads the counters, then writes them
    // back. Locks on the challenge, then on its account, make the tries count one by one.
    await lockForTransaction(tx, `otp-challenge:${input.challengeId}`);
    const found = await tx.otpChallenge.findUnique({ where: { id: input.challengeId }, select: { accountId: true } });
    if (found?.accountId) await lockForTransaction(tx, `account:${found.accountId}`);
    const challenge = await tx.otpChallenge.findUnique({ where: { id: input.challengeId }, include: { account: true } });
    if (!challenge || challenge.purpose !== input.purpose) return { ok: false, reason: "UNKNOWN" };
    const account = input.purpose === "PASSWORD_RESET" ? null : challenge.account;
    if (account && isLocked(account.lockedUntil, now)) return { ok: false, reason: "LOCKED", lockedUntil: account.lockedUntil as Date };
    const status = challengeStatus(challenge, now);
    if (status !== "USABLE") return { ok: false, reason: status === "EXPIRED" ? "EXPIRED" : "UNKNOWN" };
    const subject = challenge.account?.loginId ?? challenge.destination;

    // An authenticator challenge (channel TOTP) is answered from the app or a recovery code.
    const matches = challenge.channel === "TOTP" ? await authenticatorCodeMatches(tx, challenge.accountId, code, now) : codeMatches(challenge.codeHash, code);
    if (matches) {
      const consumed = await tx.otpChallenge.update({ where: { id: challenge.id }, data: { consumedAt: now } });
      if (account) await tx.account.update({ where: { id: account.id }, data: { failedOtpCount: 0 } });
      await tx.loginAttempt.create({
        data: { accountId: challenge.accountId, subject, kind: "OTP", success: true, ipAddress: input.ipAddress ?? null, at: now },
      });
      return { ok: true, challenge: consumed };
    }

    const attempts = challenge.attempts + 1;
    await tx.otpChallenge.update({
      where: { id: challenge.id },
      data: { attempts, ...(attempts >= MAX_FAILURES ? { voidedAt: now } : {}) },
    });
    await tx.loginAttempt.create({
      data: { accountId: challenge.accountId, subject, kind: "OTP", success: false, ipAddress: input.ipAddress ?? null, at: now },
    });
    if (account) {
      const next = afterFailure(account.failedOtpCount, now);
      await tx.account.update({
        where: { id: account.id },
        data: { failedOtpCount: next.failedCount, ...(next.lockedUntil ? { lockedUntil: next.lockedUntil } : {}) },
      });
      if (next.lockedUntil) {
        await tx.otpChallenge.updateMany({ where: { accountId: account.id, consumedAt: null, voidedAt: null }, data: { voidedAt: now } });
        return { ok: false, reason: "LOCKED", lockedUntil: next.lockedUntil };
      }
      return { ok: false, reason: "INVALID", remaining: MAX_FAILURES - next.failedCount };
    }
    if (attempts >= MAX_FAILURES) return { ok: false, reason: "EXPIRED" };
    return { ok: false, reason: "INVALID", remaining: MAX_FAILURES - attempts };
  });
}
