import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, passwordPolicyErrors, verifyPassword } from "@/lib/auth/password";
import { verifyOtp } from "@/lib/otp/verify-otp";
import { otpFailureMessage } from "./complete-login";

export type TPasswordFieldErrors = { currentPassword?: string[]; newPassword?: string[]; confirmPassword?: string[]; code?: string[] };
export type TPasswordChangeResult = { ok: true } | { ok: false; message?: string; fieldErrors: TPasswordFieldErrors };

export function newPasswordErrors(newPassword: string, confirmPassword: string): TPasswordFieldErrors {
  const errors: TPasswordFieldErrors = {};
  const policy = passwordPolicyErrors(newPassword);
  if (policy.length > 0) errors.newPassword = policy;
  if (newPassword !== confirmPassword) errors.confirmPassword = ["Les deux mots de passe ne sont pas identiques."];
  return errors;
}

/**
 * Sets a personal password. On a forced change (first sign-in) the session already proves
 * identity; otherwise the current password is required. The new one must differ.
 */
export async function changePassword(
  prisma: PrismaClient,
  input: { accountId: string; currentPassword?: string; newPassword: string; confirmPassword: string },
): Promise<TPasswordChangeResult> {
  const account = await prisma.account.findUnique({ where: { id: input.accountId } });
  if (!account) return { ok: false, message: "Session expirée. Reconnectez-vous.", fieldErrors: {} };
  const errors = newPasswordErrors(input.newPassword, input.confirmPassword);
  if (!account.mustChangePassword) {
    if (!input.currentPassword || !(await verifyPassword(input.currentPassword, account.passwordHash))) {
      errors.currentPassword = ["Le mot de passe actuel est incorrect."];
    }
  }
  if (!errors.newPassword && (await verifyPassword(input.newPassword, account.passwordHash))) {
    errors.newPassword = ["Choisissez un mot de passe différent de l'actuel."];
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  await prisma.account.update({
    where: { id: account.id },
    data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false },
  });
  return { ok: true };
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
  await prisma.account.update({
    where: { id: result.challenge.accountId },
    data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, failedPasswordCount: 0, lockedUntil: null },
  });
  return { ok: true };
}
