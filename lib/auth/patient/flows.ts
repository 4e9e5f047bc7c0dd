import "server-only";
import { cookies } from "next/headers";
import { requestIp } from "@/lib/http/request-ip";
import { prisma } from "@/lib/db/client";
import type { OtpChannel } from "@/lib/generated/prisma/enums";
import { cookiesAreSecure } from "@/lib/http/security-headers";
import { sendOtp } from "@/lib/otp/send-otp";
import { startLogin } from "./start-login";
import { completeLogin } from "./complete-login";
import { changePassword, resetPassword, type TPasswordChangeResult } from "./change-password";
import { requestPasswordReset } from "./request-password-reset";
import { carryOnPatientSession, clearPatientSession, getPatientAccountSession, readPatientToken, writePatientSession } from "./session";
import { endPatientSessions } from "./session-account";
import { platformNow } from "@/lib/clock/clock";

/** Pending sign-in and password-reset steps: the challenge id in a short-lived cookie. */
export const PENDING_LOGIN_COOKIE = "dmp-patient.pending-login";
export const PENDING_RESET_COOKIE = "dmp-patient.pending-reset";
const PENDING_MAX_AGE = 10 * 60;

async function setPending(name: string, value: string, hint: string): Promise<void> {
  const jar = await cookies();
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/patient", maxAge: PENDING_MAX_AGE, secure: cookiesAreSecure() };
  jar.set(name, value, options);
  jar.set(`${name}-hint`, hint, options);
}

async function readPending(name: string): Promise<{ challengeId: string; hint: string } | null> {
  const jar = await cookies();
  const challengeId = jar.get(name)?.value;
  if (!challengeId) return null;
  return { challengeId, hint: jar.get(`${name}-hint`)?.value ?? "" };
}

async function clearPending(name: string): Promise<void> {
  const jar = await cookies();
  jar.delete({ name, path: "/patient" });
  jar.delete({ name: `${name}-hint`, path: "/patient" });
}

/** Identifier + password; on success the code is sent and the code step is pending. */
export async function beginPatientSignIn(input: { loginId: string; password: string }): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await startLogin(prisma, { ...input, ipAddress: await requestIp() });
  if (!result.ok) return result;
  if (result.channel === "TOTP") {
    await setPending(PENDING_LOGIN_COOKIE, result.challengeId, "");
    return { ok: true };
  }
  await sendOtp(result.channel, result.destination, result.code, "LOGIN");
  await setPending(PENDING_LOGIN_COOKIE, result.challengeId, `${result.channel === "SMS" ? "par SMS au" : "par courriel à"} ${result.maskedDestination}`);
  return { ok: true };
}

/** The sign-in waiting for its code: where the code was sent, or TOTP for the authenticator app. */
export async function pendingSignIn(): Promise<{ hint: string; channel: OtpChannel } | null> {
  const pending = await readPending(PENDING_LOGIN_COOKIE);
  if (!pending) return null;
  const challenge = await prisma.otpChallenge.findUnique({ where: { id: pending.challengeId }, select: { channel: true } });
  return challenge ? { hint: pending.hint, channel: challenge.channel } : null;
}

/** The code step: opens the session. Tells where to go next. */
export async function finishPatientSignIn(code: string): Promise<{ ok: true; next: string } | { ok: false; message: string; restart?: boolean }> {
  const pending = await readPending(PENDING_LOGIN_COOKIE);
  if (!pending) return { ok: false, message: "Votre demande de connexion a expiré. Recommencez.", restart: true };
  const result = await completeLogin(prisma, { challengeId: pending.challengeId, code, ipAddress: await requestIp() });
  if (!result.ok) return result;
  await clearPending(PENDING_LOGIN_COOKIE);
  await writePatientSession(result.token);
  if (result.mustChangePassword) return { ok: true, next: "/patient/changer-mot-de-passe" };
  return { ok: true, next: result.token.actingFor ? "/patient/tableau-de-bord" : "/patient/choisir-dossier" };
}

/** Ends every session of the account (a copied cookie included), then this browser's cookie. */
export async function signOutPatient(): Promise<void> {
  const session = await getPatientAccountSession();
  if (session) await endPatientSessions(prisma, session.accountId);
  await clearPatientSession();
}

export async function changeOwnPassword(input: { currentPassword?: string; newPassword: string; confirmPassword: string }): Promise<TPasswordChangeResult> {
  const session = await getPatientAccountSession();
  if (!session) return { ok: false, message: "Votre session a expiré. Reconnectez-vous.", fieldErrors: {} };
  const result = await changePassword(prisma, { accountId: session.accountId, ...input });
  if (result.ok) await carryOnPatientSession(result.sessionVersion);
  return result;
}

/**
 * A known and an unknown identifier leave the same cookies (a challenge id, an empty hint)
 * and answer in the same time: the code is sent without waiting for the mail server.
 */
export async function beginPasswordReset(loginId: string): Promise<void> {
  const { challengeId, delivery } = await requestPasswordReset(prisma, { loginId });
  if (delivery) {
    void sendOtp(delivery.channel, delivery.destination, delivery.code, "PASSWORD_RESET").catch((error: unknown) => console.error(error));
  }
  await setPending(PENDING_RESET_COOKIE, challengeId, "");
}

export async function pendingPasswordReset(): Promise<boolean> {
  return (await readPending(PENDING_RESET_COOKIE)) !== null;
}

export async function finishPasswordReset(input: { code: string; newPassword: string; confirmPassword: string }): Promise<TPasswordChangeResult> {
  const pending = await readPending(PENDING_RESET_COOKIE);
  if (!pending) return { ok: false, message: "Votre demande a expiré. Recommencez.", fieldErrors: {} };
  const result = await resetPassword(prisma, { challengeId: pending.challengeId, ...input });
  if (result.ok) await clearPending(PENDING_RESET_COOKIE);
  return result;
}

/** Chooses the record to act on: the account's own or a represented minor's (checked). */
export async function chooseActingRecord(patientId: string): Promise<boolean> {
  const [session, token] = await Promise.all([getPatientAccountSession(), readPatientToken()]);
  if (!session || !token || session.mustChangePassword) return false;
  const allowed = patientId === session.ownPatientId || session.minors.some((m) => m.patientId === patientId);
  if (!allowed) return false;
  await writePatientSession({ ...token, actingFor: patientId });
  return true;
}

/** Sends a new sign-in code (the previous one is voided). */
export async function resendSignInCode(): Promise<boolean> {
  const pending = await readPending(PENDING_LOGIN_COOKIE);
  if (!pending) return false;
  const challenge = await prisma.otpChallenge.findUnique({ where: { id: pending.challengeId }, include: { account: true } });
  // Nothing to resend for the authenticator app: its code is on the phone.
  if (!challenge?.account || challenge.purpose !== "LOGIN" || challenge.consumedAt || challenge.channel === "TOTP") return false;
  if (challenge.account.lockedUntil && challenge.account.lockedUntil > platformNow()) return false;
  const { issueOtp } = await import("@/lib/otp/issue-otp");
  const { challengeId, code } = await issueOtp(prisma, {
    accountId: challenge.account.id,
    purpose: "LOGIN",
    channel: challenge.channel,
    destination: challenge.destination,
  });
  await sendOtp(challenge.channel, challenge.destination, code, "LOGIN");
  await setPending(PENDING_LOGIN_COOKIE, challengeId, pending.hint);
  return true;
}
