"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { beginRecordOpening, finishRecordOpening } from "@/lib/patient-portal/record-opening";
import { ZOpeningConfirmation, ZOpeningIdentity } from "@/lib/records/open-record-online";
import type { TFormState } from "@/components/ui/form-state";

const FIELDS = ["nir", "birthDate", "birthRank", "vitaleSerial", "email", "phone", "channel"] as const;

export async function startOpeningAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values: Record<string, string> = {};
  for (const f of FIELDS) values[f] = String(formData.get(f) ?? "");
  if (values.birthRank === "") values.birthRank = "1";
  const parsed = ZOpeningIdentity.safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const result = await beginRecordOpening(parsed.data);
  if (!result.ok) return { message: result.message, values };
  redirect("/patient/ouvrir-mon-dmp/confirmation");
}

export async function confirmOpeningAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = { loginId: String(formData.get("loginId") ?? "") };
  const parsed = ZOpeningConfirmation.safeParse({
    code: formData.get("code") ?? "",
    acceptNotice: formData.get("acceptNotice") === "on",
    loginId: formData.get("loginId") ?? "",
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const result = await finishRecordOpening(parsed.data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect("/patient/tableau-de-bord?bienvenue=1");
}
