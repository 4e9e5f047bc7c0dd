"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { TFormState } from "@/components/ui/form-state";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/errors/action-result";
import { blockProfessionalAtPatientRequest, revealDocumentToPatient, saveAllergyInRecord, saveTreatmentInRecord } from "@/lib/pro/portal";
import { ZAllergyInput, ZTreatmentInput } from "@/lib/summary/save-summary-item";
import { ZRowId } from "@/lib/http/row-id";

async function actorOrSignIn() {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  return actor;
}

export async function revealDocumentAction(patientId: string, documentId: string, _state: TFormState, _form: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  try {
    await revealDocumentToPatient(actor, patientId, documentId);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/pro/patients/${patientId}`);
  return { message: "Le document est désormais visible par le patient, qui en est informé.", success: true };
}

export async function saveAllergyAction(patientId: string, _state: TFormState, form: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const parsed = ZAllergyInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { message: parsed.error.issues.map((i) => i.message).join(" ") };
  try {
    await saveAllergyInRecord(actor, patientId, parsed.data);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/pro/patients/${patientId}`);
  return { message: "Allergie enregistrée.", success: true };
}

export async function saveTreatmentAction(patientId: string, _state: TFormState, form: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const parsed = ZTreatmentInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { message: parsed.error.issues.map((i) => i.message).join(" ") };
  try {
    await saveTreatmentInRecord(actor, patientId, parsed.data);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/pro/patients/${patientId}`);
  return { message: "Traitement enregistré.", success: true };
}

export async function blockProfessionalAction(patientId: string, professionalId: string, _state: TFormState, _form: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  if (!ZRowId.safeParse(professionalId).success) return { message: "Professionnel introuvable." };
  try {
    await blockProfessionalAtPatientRequest(actor, patientId, professionalId);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/pro/patients/${patientId}`);
  return { message: "Professionnel bloqué à la demande du patient.", success: true };
}
