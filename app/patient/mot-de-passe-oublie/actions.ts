"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { beginPasswordReset, finishPasswordReset, PENDING_RESET_COOKIE } from "@/lib/auth/patient/flows";
import { limitRequest } from "@/lib/rate-limit/limit-request";
import { pendingChallengeAccount } from "@/lib/rate-limit/pending-account";
import type { TFormState } from "@/components/ui/form-state";

const ZLogin = z.object({ loginId: z.string().trim().min(1, "Saisissez votre identifiant.").max(100, "Identifiant trop long.") });

export async function requestResetAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const parsed = ZLogin.safeParse({ loginId: formData.get("loginId") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const limit = await limitRequest("passwordReset", parsed.data.loginId);
  if (!limit.ok) return { message: limit.message };
  await beginPasswordReset(parsed.data.loginId);
  redirect("/patient/mot-de-passe-oublie/code");
}

const ZReset = z.object({
  code: z.string().trim().regex(/^\d{6}$/, "Le code comporte 6 chiffres."),
  newPassword: z.string().max(200, "Mot de passe trop long."),
  confirmPassword: z.string().max(200),
});

export async function resetPasswordAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const parsed = ZReset.safeParse({
    code: formData.get("code") ?? "",
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const limit = await limitRequest("passwordReset", await pendingChallengeAccount(PENDING_RESET_COOKIE));
  if (!limit.ok) return { message: limit.message };
  const result = await finishPasswordReset(parsed.data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  redirect("/patient/connexion?motDePasse=reinitialise");
}
