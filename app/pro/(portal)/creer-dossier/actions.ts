"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { TCreateMinorRecordFormState } from "@/components/pro/create-minor-record-form";
import type { TCreateRecordFormState } from "@/components/pro/create-record-form";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/errors/action-result";
import { createMinorRecordForPatient, createRecordForPatient } from "@/lib/pro/portal";
import { ZCreateMinorRecordInput } from "@/lib/records/create-minor-record";
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

/** A minor's record: the registry id (bound), the legal representative and their agreement; the child's identity is not in the form. */
export async function createMinorRecordAction(
  beneficiaryId: string,
  _state: TCreateMinorRecordFormState,
  form: FormData,
): Promise<TCreateMinorRecordFormState> {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  const values = {
    relationship: text(form.get("relationship")).slice(0, 40),
    representativeAccount: text(form.get("representativeAccount")).slice(0, 10),
    existingLoginId: text(form.get("existingLoginId")).slice(0, 100),
    email: text(form.get("email")).slice(0, 200),
    phone: text(form.get("phone")).slice(0, 30),
    firstName: text(form.get("firstName")).slice(0, 100),
    lastName: text(form.get("lastName")).slice(0, 100),
    hasConsent: form.get("hasConsent") === "oui",
  };
  const parsed = ZCreateMinorRecordInput.safeParse({ beneficiaryId, ...values });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const created = await createMinorRecordForPatient(actor, parsed.data);
    const r = created.representative;
    return {
      created: {
        patientId: created.patientId,
        name: created.name,
        representative: {
          // An existing account's login is the one typed (and found): never read back from the database.
          loginId: r.isNewAccount ? r.loginId : (parsed.data.existingLoginId ?? ""),
          isNewAccount: r.isNewAccount,
          channel: r.channel,
          isSecretSent: r.isSecretSent,
        },
      },
    };
  } catch (error) {
    return { ...actionError(error), values };
  }
}
