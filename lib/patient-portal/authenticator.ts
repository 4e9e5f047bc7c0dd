import "server-only";
/**
 * The authenticator application's entry points for the patient portal (issue 17): the
 * account of the session, never an id from input. The person signed in acts on their own
 * account, whichever record they are looking at.
 */
import { prisma } from "@/lib/db/client";
import { getPatientAccountSession, readPatientToken } from "@/lib/auth/patient/session";
import {
  authenticatorStatus,
  cancelAuthenticatorEnrolment,
  confirmAuthenticatorEnrolment,
  disableAuthenticator,
  startAuthenticatorEnrolment,
  type TAuthenticatorStatus,
  type TConfirmResult,
  type TEnrolment,
} from "@/lib/auth/patient/authenticator";

const EXPIRED = { ok: false as const, message: "Votre session a expiré. Reconnectez-vous." };

async function signedIn(): Promise<{ accountId: string; authAt: number } | null> {
  const [session, token] = await Promise.all([getPatientAccountSession(), readPatientToken()]);
  if (!session || !token || token.sub !== session.accountId) return null;
  return { accountId: session.accountId, authAt: token.authAt };
}

export async function portalAuthenticatorStatus(): Promise<TAuthenticatorStatus | null> {
  const who = await signedIn();
  return who ? authenticatorStatus(prisma, who.accountId) : null;
}

export async function portalStartAuthenticatorEnrolment(): Promise<{ ok: true; value: TEnrolment } | { ok: false; message: string }> {
  const who = await signedIn();
  return who ? startAuthenticatorEnrolment(prisma, who.accountId) : EXPIRED;
}

export async function portalConfirmAuthenticatorEnrolment(code: string): Promise<TConfirmResult> {
  const who = await signedIn();
  return who ? confirmAuthenticatorEnrolment(prisma, { accountId: who.accountId, code }) : EXPIRED;
}

export async function portalCancelAuthenticatorEnrolment(): Promise<void> {
  const who = await signedIn();
  if (who) await cancelAuthenticatorEnrolment(prisma, who.accountId);
}

export async function portalDisableAuthenticator(): Promise<{ ok: true } | { ok: false; message: string; signInAgain?: true }> {
  const who = await signedIn();
  return who ? disableAuthenticator(prisma, who) : EXPIRED;
}
