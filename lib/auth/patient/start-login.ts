import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OtpChannel } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "@/lib/auth/password";
import { issueOtp } from "@/lib/otp/issue-otp";
import { lockedMessage, maskDestination, MAX_FAILURES } from "@/lib/otp/otp-rules";
import { clearAccountPasswordTries, countAccountPasswordTry, countUnknownLoginTry, type TPasswordTry } from "./password-attempts";
import { platformNow } from "@/lib/clock/clock";
import { enterNamespace, openNamespaceScope } from "@/lib/clock/namespace-scope";

/** The "destination" of an authenticator challenge: the app on the patient's phone. */
export const AUTHENTICATOR_DESTINATION = "application d'authentification";

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

/** The reply to a wrong password: the same for a known and an unknown identifier. */
function wrongPasswordReply(attempt: Extract<TPasswordTry, { locked: false }>): { ok: false; message: string } {
  if (attempt.lockedUntil) return { ok: false, message: lockedMessage(attempt.lockedUntil) };
  const remaining = MAX_FAILURES - attempt.failures;
  return { ok: false, message: `${WRONG_CREDENTIALS} Il vous reste ${remaining} essai${remaining > 1 ? "s" : ""} avant le blocage temporaire.` };
}

// A well-formed hash nobody's password matches: an unknown identifier costs the same scrypt.
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==";

/**
 * First step of sign-in: identifier + password. Each try is counted before the password
 * is checked (lib/auth/patient/password-attempts.ts): 5 wrong in a row lock sign-in 15
 * minutes, however many are sent at once. The right one issues a LOGIN code for the
 * account's channel. An unknown identifier gets exactly the replies of a known one (tries
 * left, lock-out), after the same scrypt. The caller sends the code.
 */
export async function startLogin(
  prisma: PrismaClient,
  input: { loginId: string; password: string; ipAddress?: string | null; now?: Date },
): Promise<TStartLoginResult> {
  openNamespaceScope();
  const loginId = input.loginId.trim();
  const account = await prisma.account.findUnique({ where: { loginId } });
  // The account's sandbox namespace decides its clock (tries, lock-out, code expiry).
  enterNamespace(account?.namespaceId ?? null);
  const now = input.now ?? platformNow();
  if (!account) {
    const subject = loginId.slice(0, 100);
    const attempt = await countUnknownLoginTry(prisma, subject, now);
    if (attempt.locked) return { ok: false, message: lockedMessage(attempt.lockedUntil) };
    await verifyPassword(input.password, DUMMY_HASH);
    await prisma.loginAttempt.create({ data: { subject, kind: "PASSWORD", success: false, ipAddress: input.ipAddress ?? null, at: now } });
    return wrongPasswordReply(attempt);
  }

  const attempt = await countAccountPasswordTry(prisma, account.id, now);
  if (attempt.locked) return { ok: false, message: lockedMessage(attempt.lockedUntil) };
  const isValid = await verifyPassword(input.password, account.passwordHash);
  await prisma.loginAttempt.create({
    data: { accountId: account.id, subject: loginId, kind: "PASSWORD", success: isValid, ipAddress: input.ipAddress ?? null, at: now },
  });
  if (!isValid) return wrongPasswordReply(attempt);

  await clearAccountPasswordTries(prisma, account.id, attempt.lockedUntil);
  // The authenticator application, once activated, is the account's second factor: nothing is sent.
  if (account.totpEnabledAt) {
    const totp = { channel: "TOTP" as const, destination: AUTHENTICATOR_DESTINATION };
    const { challengeId, code } = await issueOtp(prisma, { accountId: account.id, purpose: "LOGIN", ...totp, now });
    return { ok: true, challengeId, code, ...totp, maskedDestination: AUTHENTICATOR_DESTINATION };
  }
  const target = otpDestination(account);
  if (!target) return { ok: false, message: "Aucune adresse électronique ni aucun numéro de mobile n'est associé à ce compte." };
  const { challengeId, code } = await issueOtp(prisma, { accountId: account.id, purpose: "LOGIN", ...target, now });
  return { ok: true, challengeId, code, ...target, maskedDestination: maskDestination(target.destination) };
}
