import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, passwordPolicyErrors, verifyPassword } from "@/lib/auth/password";
import { verifyOtp } from "@/lib/otp/verify-otp";
import { lockedMessage, MAX_FAILURES } from "@/lib/otp/otp-rules";
import { otpFailureMessage } from "./complete-login";
import { clearAccountPasswordTries, countAccountPasswordTry } from "./password-attempts";
import { platformNow } from "@/lib/clock/clock";

export type TPasswordFieldErrors = { currentPassword?: string[]; newPassword?: string[]; confirmPassword?: string[]; code?: string[] };
export type TPasswordChangeResult = { ok: true; sessionVersion: number } | { ok: false; message?: string; fieldErrors: TPasswordFieldErrors };

export function newPasswordErrors(newPassword: string, confirmPassword: string): TPasswordFieldErrors {
  const errors: TPasswordFieldErrors = {};
  const policy = passwordPolicyErrors(newPassword);
  if (policy.length > 0) errors.newPassword = policy;
  if (newPassword !== confirmPassword) errors.confirmPassword = ["Les deux mots de passe ne sont pas identiques."];
  return errors;
}

/**
 * Sets a personal password. On a forced change (first sign-in) the session already proves
 * identity; otherwise the current password is required, and a wrong one counts as a
 * sign-in try (checkCurrentPassword). The new one must differ. Every session of the
 * account ends: the caller carries its own on with the returned version.
 */
export async function changePassword(
  prisma: PrismaClient,
  input: { accountId: string; currentPassword?: string; newPassword: string; confirmPassword: string },
): Promise<TPasswordChangeResult> {
  const account = await prisma.account.findUnique({ where: { id: input.accountId } });
  if (!account) return { ok: false, message: "Session expirée. Reconnectez-vous.", fieldErrors: {} };
  const errors = newPasswordErrors(input.newPassword, input.confirmPassword);
  if (!account.mustChangePassword) {
    const refused = await checkCurrentPassword(prisma, account, input.currentPassword ?? "");
    if (refused) errors.currentPassword = [refused];
  }
  if (!errors.newPassword && (await verifyPassword(input.newPassword, account.passwordHash))) {
    errors.newPassword = ["Choisissez un mot de passe différent de l'actuel."];
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const updated = await prisma.account.update({
    where: { id: account.id },
    data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return { ok: true, sessionVersion: updated.sessionVersion };
}

/**
 * The current password, asked again before a sensitive change made from a session
 * (password, contact details): counted before it is checked, like a sign-in try, so a
 * copied session cookie cannot guess it. Returns the French refusal, or null when right.
 */
export async function checkCurrentPassword(
  prisma: PrismaClient,
  account: { id: string; passwordHash: string },
  password: string,
  now: Date = platformNow(),
): Promise<string | null> {
  const attempt = await countAccountPasswordTry(prisma, account.id, now);
  if (attempt.locked) return lockedMessage(attempt.lockedUntil);
  if (await verifyPassword(password, account.passwordHash)) {
    await clearAccountPasswordTries(prisma, account.id, attempt.lockedUntil);
    return null;
  }
  if (attempt.lockedUntil) return lockedMessage(attempt.lockedUntil);
  const remaining = MAX_FAILURES - attempt.failures;
  return `Le mot de passe actuel est incorrect. Il vous reste ${remaining} essai${remaining > 1 ? "s" : ""} avant le blocage temporaire.`;
}

/** Forgotten password: the PASSWORD_RESET code and a new password, checked together. */
export async function resetPassword(
  prisma: PrismaClient,
  input: { challengeId: string; code: string; newPassword: string; confirmPassword: string; now?: Date },
): Promise<TPasswordChangeResult> {
  const errors = newPasswordErrors(input.newPassword, input.confirmPassword);
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const result = await verifyOtp(prisma, { challengeId: input.challengeId, code: input.code, purpose: "PASSWORD_RESET", now: input.now });
  if (!result.ok) return { ok: false, fieldErrors: { code: [otpFailureMessage(result)] } };
  if (!result.challenge.accountId) return { ok: false, fieldErrors: { code: ["Ce code n'est plus valable."] } };
  const updated = await prisma.account.update({
    where: { id: result.challenge.accountId },
    data: {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      failedPasswordCount: 0,
      lockedUntil: null,
      // Whoever held a session (a copied cookie) loses it with the old password.
      sessionVersion: { increment: 1 },
    },
    select: { sessionVersion: true },
  });
  return { ok: true, sessionVersion: updated.sessionVersion };
}
