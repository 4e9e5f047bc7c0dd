"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPatientActor } from "@/lib/auth/patient/session";
import { portalCommentProfileEntry, portalDeleteProfileEntry, portalSaveEmergencyWishes, portalSaveProfileEntry } from "@/lib/patient-portal";
import { ZAllergyInput, ZEmergencyWishesInput, ZEntryCommentInput, ZHistoryInput, ZMeasurementInput, ZTreatmentInput, ZVaccinationInput } from "@/lib/health-profile/inputs";
import type { TEntryInputs, TEntrySection } from "@/lib/health-profile/entry-store";
import type { TFormState } from "@/components/ui/form-state";
import { ZRowId } from "@/lib/http/row-id";

const PATH = "/patient/profil-medical";

const SCHEMAS: { [S in TEntrySection]: z.ZodType<TEntryInputs[S], unknown> } = {
  HISTORY: ZHistoryInput,
  ALLERGY: ZAllergyInput,
  TREATMENT: ZTreatmentInput,
  VACCINATION: ZVaccinationInput,
  MEASUREMENT: ZMeasurementInput,
};

const SAVED: Record<TEntrySection, string> = {
  HISTORY: "Antécédent enregistré.",
  ALLERGY: "Allergie enregistrée.",
  TREATMENT: "Traitement enregistré.",
  VACCINATION: "Vaccination enregistrée.",
  MEASUREMENT: "Mesure enregistrée.",
};

const ZSection = z.enum(["HISTORY", "ALLERGY", "TREATMENT", "VACCINATION", "MEASUREMENT"]);

async function actorOrSignIn() {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  return actor;
}

function formValues(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)]));
}

function invalid(error: z.ZodError, values: Record<string, string>): TFormState {
  return { message: "Les informations saisies ne sont pas valides : rien n'a été enregistré.", fieldErrors: z.flattenError(error).fieldErrors, values };
}

/** Adds or changes an entry of one section (the section is bound by the page). */
export async function saveProfileEntryAction(section: TEntrySection, _prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  if (!ZSection.safeParse(section).success) return { message: "Rubrique inconnue." };
  const values = formValues(formData);
  const parsed = SCHEMAS[section].safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await portalSaveProfileEntry(actor, section, parsed.data);
  if (!result.ok) return { message: result.message, values };
  revalidatePath(PATH);
  return { success: true, message: SAVED[section] };
}

export async function deleteProfileEntryAction(section: TEntrySection, _prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("id"));
  if (!ZSection.safeParse(section).success || !id.success) return { message: "Élément introuvable." };
  const result = await portalDeleteProfileEntry(actor, section, id.data);
  if (!result.ok) return { message: result.message };
  revalidatePath(PATH);
  return { success: true, message: "Information retirée." };
}

export async function commentProfileEntryAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const values = formValues(formData);
  const parsed = ZEntryCommentInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await portalCommentProfileEntry(actor, parsed.data);
  if (!result.ok) return { message: result.message, values };
  revalidatePath(PATH);
  return { success: true, message: parsed.data.isContest ? "Votre contestation est enregistrée : les professionnels la verront." : "Votre commentaire est enregistré." };
}

export async function emergencyWishesAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const values = formValues(formData);
  const parsed = ZEmergencyWishesInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await portalSaveEmergencyWishes(actor, parsed.data);
  if (!result.ok) return { message: result.message, values };
  revalidatePath(PATH);
  return { success: true, message: "Vos informations d'urgence sont enregistrées." };
}
