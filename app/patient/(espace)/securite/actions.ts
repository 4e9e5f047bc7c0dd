"use server";

import { z } from "zod";
import {
  portalCancelAuthenticatorEnrolment,
  portalConfirmAuthenticatorEnrolment,
  portalDisableAuthenticator,
  portalStartAuthenticatorEnrolment,
} from "@/lib/patient-portal/authenticator";
import type { TAuthenticatorState } from "@/components/patient/authenticator-forms";

export async function startEnrolmentAction(_prev: TAuthenticatorState): Promise<TAuthenticatorState> {
  const result = await portalStartAuthenticatorEnrolment();
  if (!result.ok) return { message: result.message };
  return { enrolment: result.value };
}

const ZCode = z.object({ code: z.string().transform((v) => v.replace(/\s/g, "")).pipe(z.string().regex(/^\d{6}$/, "Saisissez les 6 chiffres affichés par l'application.")) });

export async function confirmEnrolmentAction(prev: TAuthenticatorState, formData: FormData): Promise<TAuthenticatorState> {
  const parsed = ZCode.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { ...prev, message: undefined, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await portalConfirmAuthenticatorEnrolment(parsed.data.code);
  if (!result.ok) return result.restart ? { message: result.message } : { ...prev, message: undefined, fieldErrors: { code: [result.message] } };
  // No revalidation here: the page would re-render as "activated" and drop the recovery codes shown once.
  return { recoveryCodes: result.recoveryCodes };
}

export async function cancelEnrolmentAction(): Promise<TAuthenticatorState> {
  await portalCancelAuthenticatorEnrolment();
  return {};
}

export async function disableAction(_prev: TAuthenticatorState): Promise<TAuthenticatorState> {
  const result = await portalDisableAuthenticator();
  if (!result.ok) return { message: result.message, signInAgain: result.signInAgain };
  return { success: true, message: "L'application d'authentification est désactivée. Vos prochains codes de connexion vous seront envoyés par courriel ou SMS." };
}
