import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OtpPurpose } from "@/lib/generated/prisma/enums";
import { splitRepresentations } from "@/lib/access/representation";
import { verifyOtp, type TVerifyOtpResult } from "@/lib/otp/verify-otp";
import { lockedMessage } from "@/lib/otp/otp-rules";
import type { TPatientToken } from "./session-token";
import { platformNow } from "@/lib/clock/clock";
import { enterNamespace, openNamespaceScope } from "@/lib/clock/namespace-scope";

/** The French message for a failed code check. */
export function otpFailureMessage(result: Exclude<TVerifyOtpResult, { ok: true }>): string {
  switch (result.reason) {
    case "LOCKED":
      return lockedMessage(result.lockedUntil);
    case "INVALID":
      return `Code incorrect. Il vous reste ${result.remaining} essai${result.remaining > 1 ? "s" : ""}.`;
    case "EXPIRED":
      return "Ce code n'est plus valable. Demandez un nouveau code.";
    case "UNKNOWN":
      return "Ce code n'est plus valable. Recommencez la procédure.";
  }
}

export type TCompleteLoginResult = { ok: true; token: TPatientToken; mustChangePassword: boolean } | { ok: false; message: string };

/**
 * Second step of sign-in: the one-time code. Success gives the session token: acting on
 * the account's own record, or — for a representative without a record — on nothing yet
 * (they choose a minor next).
 */
export async function completeLogin(
  prisma: PrismaClient,
  input: { challengeId: string; code: string; ipAddress?: string | null; now?: Date; purpose?: OtpPurpose },
): Promise<TCompleteLoginResult> {
  openNamespaceScope();
  // The account's sandbox namespace decides its clock (code expiry, session start).
  const owner = await prisma.otpChallenge.findUnique({ where: { id: input.challengeId }, select: { account: { select: { namespaceId: true } } } });
  enterNamespace(owner?.account?.namespaceId ?? null);
  const now = input.now ?? platformNow();
  const result = await verifyOtp(prisma, { challengeId: input.challengeId, code: input.code, purpose: "LOGIN", now, ipAddress: input.ipAddress });
  if (!result.ok) return { ok: false, message: otpFailureMessage(result) };
  const accountId = result.challenge.accountId;
  if (!accountId) return { ok: false, message: "Ce code n'est plus valable. Recommencez la procédure." };
  const account = await prisma.account.update({
    where: { id: accountId },
    data: { lastLoginAt: now, failedOtpCount: 0, failedPasswordCount: 0 },
    include: { representations: { select: { patientId: true, patient: { select: { birthDate: true } } } } },
  });
  const { minors } = splitRepresentations(account.representations.map((r) => ({ patientId: r.patientId, birthDate: r.patient.birthDate })), now);
  const actingFor = account.patientId ?? (minors.length === 1 ? (minors[0]?.patientId ?? null) : null);
  return {
    ok: true,
    mustChangePassword: account.mustChangePassword,
    token: { sub: account.id, portal: "patient", name: `${account.firstName} ${account.lastName}`, actingFor, sv: account.sessionVersion, authAt: now.getTime() },
  };
}
