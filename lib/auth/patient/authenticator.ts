import QRCode from "qrcode";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { platformNow } from "@/lib/clock/clock";
import { totpDisableDecision, PATIENT_RIGHTS_RULES } from "@/lib/access/patient-rights";
import { MAX_FAILURES } from "@/lib/otp/otp-rules";
import { checkTotpCode, hashRecoveryCode, newRecoveryCodes, newTotpSecret, secretInGroups, totpUri } from "@/lib/otp/totp";
import { openTotpSecret, sealTotpSecret } from "@/lib/otp/totp-secret";

/**
 * The authenticator application as a sign-in channel (issue 17): enrolment (a new secret,
 * shown once as an otpauth:// URI and in groups), activation by a first right code, ten
 * recovery codes shown once, and disabling after a fresh sign-in (TOTP_DISABLE). Sign-in
 * itself goes through the one-time code challenge (verify-otp.ts), so the lock-out rules
 * are those of the e-mail and SMS codes.
 */

export type TAuthenticatorStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number; pending: boolean };

export async function authenticatorStatus(prisma: PrismaClient, accountId: string): Promise<TAuthenticatorStatus> {
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { totpEnabledAt: true, totpPendingSecret: true } });
  // Its own count: Prisma's relation _count makes SQLite group every account's codes first.
  const recoveryCodesLeft = await prisma.totpRecoveryCode.count({ where: { accountId, usedAt: null } });
  return {
    enabled: account.totpEnabledAt !== null,
    enabledAt: account.totpEnabledAt,
    recoveryCodesLeft,
    pending: account.totpPendingSecret !== null,
  };
}

/** qrSvg: the otpauth:// URI as a QR code (an SVG document), what the phone's camera reads. */
export type TEnrolment = { uri: string; secretGroups: string; qrSvg: string };

/**
 * Starts (or restarts) an enrolment: a new secret waits for its first code. Returned once,
 * for this page only: it is stored sealed and never shown again.
 */
export async function startAuthenticatorEnrolment(prisma: PrismaClient, accountId: string): Promise<{ ok: true; value: TEnrolment } | { ok: false; message: string }> {
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { loginId: true, totpEnabledAt: true } });
  if (account.totpEnabledAt) return { ok: false, message: "L'application d'authentification est déjà activée." };
  const secret = newTotpSecret();
  await prisma.account.update({ where: { id: accountId }, data: { totpPendingSecret: sealTotpSecret(secret), totpPendingTries: 0 } });
  const uri = totpUri(secret, account.loginId);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { ok: true, value: { uri, secretGroups: secretInGroups(secret), qrSvg } };
}

export type TConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; message: string; restart?: boolean };

/**
 * Activates the pending secret when the code is right: from then on sign-in asks the app's
 * code. Five wrong codes void the enrolment (start again). The recovery codes are returned
 * once and stored hashed.
 */
export async function confirmAuthenticatorEnrolment(
  prisma: PrismaClient,
  input: { accountId: string; code: string; now?: Date; epoch?: number },
): Promise<TConfirmResult> {
  const now = input.now ?? platformNow();
  return prisma.$transaction(async (tx): Promise<TConfirmResult> => {
    // The try is counted first, in the same statement that reads the account (a row lock on
    // PostgreSQL): 100 parallel codes cost 100 tries, and none is checked past the limit.
    const account = await tx.account.update({
      where: { id: input.accountId },
      data: { totpPendingTries: { increment: 1 } },
      select: { totpPendingSecret: true, totpEnabledAt: true, totpPendingTries: true },
    });
    if (account.totpEnabledAt) return { ok: false, message: "L'application d'authentification est déjà activée." };
    const secret = account.totpPendingSecret ? openTotpSecret(account.totpPendingSecret) : null;
    if (!secret) return { ok: false, message: "Aucune activation en cours. Recommencez l'activation.", restart: true };
    const tries = account.totpPendingTries;
    if (tries > MAX_FAILURES) {
      await tx.account.update({ where: { id: input.accountId }, data: { totpPendingSecret: null, totpPendingTries: 0 } });
      return { ok: false, message: "Trop de codes incorrects : l'activation est annulée. Recommencez l'activation.", restart: true };
    }
    const checked = await checkTotpCode(secret, input.code, null, input.epoch);
    if (!checked.valid) {
      if (tries >= MAX_FAILURES) {
        await tx.account.update({ where: { id: input.accountId }, data: { totpPendingSecret: null, totpPendingTries: 0 } });
        return { ok: false, message: "Trop de codes incorrects : l'activation est annulée. Recommencez l'activation.", restart: true };
      }
      const left = MAX_FAILURES - tries;
      return { ok: false, message: `Code incorrect. Vérifiez l'heure de votre téléphone et saisissez le code affiché. Il vous reste ${left} essai${left > 1 ? "s" : ""}.` };
    }
    const recoveryCodes = newRecoveryCodes();
    await tx.totpRecoveryCode.deleteMany({ where: { accountId: input.accountId } });
    await tx.totpRecoveryCode.createMany({ data: recoveryCodes.map((code) => ({ accountId: input.accountId, codeHash: hashRecoveryCode(code) })) });
    await tx.account.update({
      where: { id: input.accountId },
      data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: now, totpLastStep: checked.step, totpPendingSecret: null, totpPendingTries: 0 },
    });
    return { ok: true, recoveryCodes };
  });
}

/** Abandons an enrolment under way. */
export async function cancelAuthenticatorEnrolment(prisma: PrismaClient, accountId: string): Promise<void> {
  await prisma.account.update({ where: { id: accountId }, data: { totpPendingSecret: null, totpPendingTries: 0 } });
}

/**
 * Turns the authenticator sign-in off (secret and recovery codes deleted): only within
 * RECENT_SIGN_IN_MS of signing in (TOTP_DISABLE); sign-in goes back to e-mail or SMS codes.
 */
export async function disableAuthenticator(
  prisma: PrismaClient,
  input: { accountId: string; authAt: number; now?: Date },
): Promise<{ ok: true } | { ok: false; message: string; signInAgain: true }> {
  const decision = totpDisableDecision(input.authAt, input.now ?? platformNow());
  if (!decision.allowed) {
    return { ok: false, signInAgain: true, message: `${PATIENT_RIGHTS_RULES.SIGN_IN_AGAIN} : la désactivation demande une connexion de moins de 5 minutes.` };
  }
  await prisma.$transaction([
    prisma.totpRecoveryCode.deleteMany({ where: { accountId: input.accountId } }),
    prisma.account.update({ where: { id: input.accountId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null, totpPendingTries: 0 } }),
  ]);
  return { ok: true };
}
