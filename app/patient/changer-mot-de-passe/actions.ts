"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { changeOwnPassword } from "@/lib/auth/patient/flows";
import type { TFormState } from "@/components/ui/form-state";

const ZChange = z.object({
  currentPassword: z.string().max(200).optional(),
  newPassword: z.string().max(200, "Mot de passe trop long."),
  confirmPassword: z.string().max(200),
});

export async function changePasswordAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const parsed = ZChange.safeParse({
    currentPassword: formData.get("currentPassword") ?? undefined,
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await changeOwnPassword(parsed.data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  redirect("/patient/tableau-de-bord?motDePasse=modifie");
}
