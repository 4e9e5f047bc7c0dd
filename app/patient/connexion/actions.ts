"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { beginPatientSignIn, finishPatientSignIn, PENDING_LOGIN_COOKIE, pendingSignIn, resendSignInCode } from "@/lib/auth/patient/flows";
import { RECOVERY_CODE } from "@/lib/otp/totp";
import { limitRequest } from "@/lib/rate-limit/limit-request";
import { pendingChallengeAccount } from "@/lib/rate-limit/pending-account";
import type { TFormState } from "@/components/ui/form-state";

const ZSignIn = z.object({
  loginId: z.string().trim().min(1, "Saisissez votre identifiant.").max(100, "Identifiant trop long."),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(200, "Mot de passe trop long."),
});

export async function signInAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const parsed = ZSignIn.safeParse({ loginId: formData.get("loginId") ?? "", password: formData.get("password") ?? "" });
  const values = { loginId: String(formData.get("loginId") ?? "") };
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const limit = await limitRequest("patientSignIn", parsed.data.loginId);
  if (!limit.ok) return { message: limit.message, values };
  const result = await beginPatientSignIn(parsed.data);
  if (!result.ok) return { message: result.message, values };
  redirect("/patient/connexion/code");
}

const ZCode = z.object({ code: z.string().trim().regex(/^\d{6}$/, "Le code comporte 6 chiffres.") });
// The authenticator step also takes a recovery code ("ABCD-EFGH").
const ZAuthenticatorCode = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, "").toUpperCase())
    .refine((v) => /^\d{6}$/.test(v) || RECOVERY_CODE.test(v), "Saisissez les 6 chiffres affichés par l'application, ou un code de secours (8 caractères, par exemple ABCD-EFGH)."),
});

export async function verifyCodeAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const pending = await pendingSignIn();
  const parsed = (pending?.channel === "TOTP" ? ZAuthenticatorCode : ZCode).safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const limit = await limitRequest("patientSignInCode", await pendingChallengeAccount(PENDING_LOGIN_COOKIE));
  if (!limit.ok) return { message: limit.message };
  const result = await finishPatientSignIn(parsed.data.code);
  if (!result.ok) return { message: result.message };
  redirect(result.next);
}

export async function resendCodeAction(_prev: TFormState): Promise<TFormState> {
  const limit = await limitRequest("codeResend", await pendingChallengeAccount(PENDING_LOGIN_COOKIE));
  if (!limit.ok) return { message: limit.message };
  const sent = await resendSignInCode();
  return sent
    ? { success: true, message: "Un nouveau code vous a été envoyé. L'ancien n'est plus valable." }
    : { message: "Impossible d'envoyer un nouveau code. Recommencez la connexion." };
}
