"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { TCreateRecordFormState } from "@/components/pro/create-record-form";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/pro/action-result";
import { createRecordForPatient } from "@/lib/pro/portal";
import { ZCreateRecordByProfessionalInput } from "@/lib/records/create-record-by-professional";

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

/** The identity is not in the form: only the registry id (bound), the contact and the agreement. */
export async function createRecordAction(beneficiaryId: string, _state: TCreateRecordFormState, form: FormData): Promise<TCreateRecordFormState> {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  const values = { email: text(form.get("email")).slice(0, 200), phone: text(form.get("phone")).slice(0, 30) };
  const parsed = ZCreateRecordByProfessionalInput.safeParse({ beneficiaryId, ...values, hasConsent: form.get("hasConsent") === "oui" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    return { created: await createRecordForPatient(actor, parsed.data) };
  } catch (error) {
    return { ...actionError(error), values };
  }
}
