import "server-only";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { userMessageFor } from "@/lib/errors/messages";
import { cookiesAreSecure } from "@/lib/http/security-headers";
import { sendOtp } from "@/lib/otp/send-otp";
import { maskDestination } from "@/lib/otp/otp-rules";
import { confirmRecordOpening, startRecordOpening, type TOpeningConfirmation, type TOpeningIdentity } from "@/lib/records/open-record-online";
import { writePatientSession } from "@/lib/auth/patient/session";
import { platformNowMs } from "@/lib/clock/clock";

const PENDING_SIGNUP_COOKIE = "dmp-patient.pending-signup";

/** Step 1: registry check, code sent to the chosen contact. */
export async function beginRecordOpening(input: TOpeningIdentity): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const started = await startRecordOpening(prisma, input);
    await sendOtp(started.channel, started.destination, started.code, "SIGNUP");
    const jar = await cookies();
    const options = { httpOnly: true, sameSite: "lax" as const, path: "/patient", maxAge: 15 * 60, secure: cookiesAreSecure() };
    jar.set(PENDING_SIGNUP_COOKIE, started.challengeId, options);
    jar.set(`${PENDING_SIGNUP_COOKIE}-hint`, `${started.channel === "SMS" ? "par SMS au" : "par courriel à"} ${maskDestination(started.destination)}`, options);
    return { ok: true };
  } catch (error) {
    if (!isAppError(error)) console.error(error);
    return { ok: false, message: userMessageFor(error) };
  }
}

export async function pendingRecordOpening(): Promise<{ hint: string } | null> {
  const jar = await cookies();
  if (!jar.get(PENDING_SIGNUP_COOKIE)?.value) return null;
  return { hint: jar.get(`${PENDING_SIGNUP_COOKIE}-hint`)?.value ?? "" };
}

/** Step 2: code, notice, identifier and password. Signs the new patient in. */
export async function finishRecordOpening(input: TOpeningConfirmation) {
  const jar = await cookies();
  const challengeId = jar.get(PENDING_SIGNUP_COOKIE)?.value;
  if (!challengeId) return { ok: false as const, fieldErrors: {}, message: "Votre demande a expiré. Recommencez l'ouverture de votre DMP." };
  try {
    const result = await confirmRecordOpening(prisma, challengeId, input);
    if (!result.ok) return result;
    jar.delete({ name: PENDING_SIGNUP_COOKIE, path: "/patient" });
    jar.delete({ name: `${PENDING_SIGNUP_COOKIE}-hint`, path: "/patient" });
    // A new account starts at sessionVersion 0.
    await writePatientSession({ sub: result.accountId, portal: "patient", name: result.name, actingFor: result.patientId, sv: 0, authAt: platformNowMs() });
    return result;
  } catch (error) {
    if (!isAppError(error)) console.error(error);
    return { ok: false as const, fieldErrors: {}, message: userMessageFor(error) };
  }
}
