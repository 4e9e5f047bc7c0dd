import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OtpChannel } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "@/lib/auth/password";
import { issueOtp } from "@/lib/otp/issue-otp";
import { afterFailure, isLocked, lockedMessage, maskDestination, MAX_FAILURES } from "@/lib/otp/otp-rules";

export const WRONG_CREDENTIALS = "Identifiant ou mot de passe incorrect.";

export type TStartLoginResult =
  | { ok: true; challengeId: string; code: string; channel: OtpChannel; destination: string; maskedDestination: string }
  | { ok: false; message: string };

/** The address a code goes to: the chosen channel, else the other one the account has. */
export function otpDestination(account: { otpChannel: OtpChannel; email: string | null; phone: string | null }) {
  if (account.otpChannel === "SMS" && account.phone) return { channel: "SMS" as const, destination: account.phone };
  if (account.email) return { channel: "EMAIL" as const, destination: account.email };
  if (account.phone) return { channel: "SMS" as const, destination: account.phone };
  return null;
}

/**
 * First step of sign-in: identifier + password. A wrong password counts (5 in a row lock
 * sign-in 15 minutes); the right one issues a LOGIN code for the account's channel. An
 * unknown identifier gets the same answer as a wrong password. The caller sends the code.
 */
export async function startLogin(
  prisma: PrismaClient,
  input: { loginId: string; password: string; ipAddress?: string | null; now?: Date },
): Promise<TStartLoginResult> {
  const now = input.now ?? new Date();
  const loginId = input.loginId.trim();
  const account = await prisma.account.findUnique({ where: { loginId } });
  if (!account) {
    await verifyPassword(input.password, "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==");
    await prisma.loginAttempt.create({ data: { subject: loginId.slice(0, 100), kind: "PASSWORD", success: false, ipAddress: input.ipAddress ?? null, at: now } });
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  if (isLocked(account.lockedUntil, now)) return { ok: false, message: lockedMessage(account.lockedUntil as Date) };

  const isValid = await verifyPassword(input.password, account.passwordHash);
  await prisma.loginAttempt.create({
    data: { accountId: account.id, subject: loginId, kind: "PASSWORD", success: isValid, ipAddress: input.ipAddress ?? null, at: now },
  });
  if (!isValid) {
    const next = afterFailure(account.failedPasswordCount, now);
    await prisma.account.update({
      where: { id: account.id },
      data: { failedPasswordCount: next.failedCount, ...(next.lockedUntil ? { lockedUntil: next.lockedUntil } : {}) },
    });
    if (next.lockedUntil) return { ok: false, message: lockedMessage(next.lockedUntil) };
    const remaining = MAX_FAILURES - next.failedCount;
    return { ok: false, message: `${WRONG_CREDENTIALS} Il vous reste ${remaining} essai${remaining > 1 ? "s" : ""} avant le blocage temporaire.` };
  }

  const target = otpDestination(account);
  if (!target) return { ok: false, message: "Aucune adresse électronique ni aucun numéro de mobile n'est associé à ce compte." };
  await prisma.account.update({ where: { id: account.id }, data: { failedPasswordCount: 0 } });
  const { challengeId, code } = await issueOtp(prisma, { accountId: account.id, purpose: "LOGIN", ...target, now });
  return { ok: true, challengeId, code, ...target, maskedDestination: maskDestination(target.destination) };
}
