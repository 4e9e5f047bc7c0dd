"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { carryOnPatientSession, getPatientActor } from "@/lib/auth/patient/session";
import {
  portalAddEmergencyContact,
  portalCancelContactChange,
  portalConfirmContactChange,
  portalRemoveEmergencyContact,
  portalRequestContactChange,
} from "@/lib/patient-portal";
import { ZContactDetails, ZEmergencyContact } from "@/lib/records/contact-details";
import type { TFormState } from "@/components/ui/form-state";
import { ZRowId } from "@/lib/http/row-id";

async function actorOrSignIn() {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  return actor;
}

export async function contactDetailsAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const values = { email: String(formData.get("email") ?? ""), phone: String(formData.get("phone") ?? "") };
  const parsed = ZContactDetails.safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const currentPassword = z.string().min(1).max(200).safeParse(formData.get("currentPassword"));
  if (!currentPassword.success) return { fieldErrors: { currentPassword: ["Saisissez votre mot de passe actuel."] }, values };
  const result = await portalRequestContactChange(actor, { ...parsed.data, currentPassword: currentPassword.data });
  if (!result.ok) return { message: result.message, values };
  if (result.value.status === "SAVED" && result.value.sessionVersion !== null) await carryOnPatientSession(result.value.sessionVersion);
  revalidatePath("/patient/profil");
  if (result.value.status === "CODE_SENT") return { success: true, message: `Un code vous a été envoyé (${result.value.destinationHint}).` };
  return { success: true, message: "Vos coordonnées sont enregistrées.", values };
}

export async function confirmContactChangeAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const code = z.string().trim().regex(/^\d{6}$/).safeParse(String(formData.get("code") ?? "").replace(/\s/g, ""));
  if (!code.success) return { fieldErrors: { code: ["Saisissez les 6 chiffres du code reçu."] } };
  const result = await portalConfirmContactChange(actor, code.data);
  if (!result.ok) return { fieldErrors: { code: [result.message] } };
  if (result.value.sessionVersion !== null) await carryOnPatientSession(result.value.sessionVersion);
  revalidatePath("/patient/profil");
  redirect("/patient/profil?message=coordonnees-confirmees");
}

export async function cancelContactChangeAction(): Promise<void> {
  const actor = await actorOrSignIn();
  await portalCancelContactChange(actor);
  revalidatePath("/patient/profil");
  redirect("/patient/profil?message=modification-annulee");
}

export async function addEmergencyContactAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const values = { name: String(formData.get("name") ?? ""), relationship: String(formData.get("relationship") ?? ""), phone: String(formData.get("contactPhone") ?? "") };
  const parsed = ZEmergencyContact.safeParse(values);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return { fieldErrors: { name: errors.name, relationship: errors.relationship, contactPhone: errors.phone }, values };
  }
  const result = await portalAddEmergencyContact(actor, parsed.data);
  if (!result.ok) return { message: result.message, values };
  revalidatePath("/patient/profil");
  return { success: true, message: `${parsed.data.name} fait désormais partie des personnes à prévenir.` };
}

export async function removeEmergencyContactAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("contactId"));
  if (!id.success) return { message: "Élément introuvable." };
  const result = await portalRemoveEmergencyContact(actor, id.data);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/profil");
  return { success: true, message: "La personne a été retirée." };
}
