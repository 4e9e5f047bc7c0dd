"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/errors/action-result";
import { saveHealthProfileEntryInRecord } from "@/lib/pro/portal";
import { ZAllergyInput, ZHistoryInput, ZTreatmentInput, ZVaccinationInput } from "@/lib/health-profile/inputs";
import type { TEntryInputs } from "@/lib/health-profile/entry-store";
import type { TProfessionalSection } from "@/lib/health-profile/profile-commands";
import type { TFormState } from "@/components/ui/form-state";
import { ZRowId } from "@/lib/http/row-id";

const SCHEMAS: { [S in TProfessionalSection]: z.ZodType<TEntryInputs[S], unknown> } = {
  HISTORY: ZHistoryInput,
  ALLERGY: ZAllergyInput,
  TREATMENT: ZTreatmentInput,
  VACCINATION: ZVaccinationInput,
};
const ZSection = z.enum(["HISTORY", "ALLERGY", "TREATMENT", "VACCINATION"]);

/** A professional's entry of the health profile (the section bound by the record page). */
export async function saveHealthProfileEntryAction(patientId: string, section: TProfessionalSection, _prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  if (!ZRowId.safeParse(patientId).success || !ZSection.safeParse(section).success) return { message: "Rubrique inconnue." };
  const values = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)]));
  const parsed = SCHEMAS[section].safeParse(values);
  if (!parsed.success) {
    return { message: "Les informations saisies ne sont pas valides : rien n'a été enregistré.", fieldErrors: z.flattenError(parsed.error as z.ZodError).fieldErrors, values };
  }
  try {
    await saveHealthProfileEntryInRecord(actor, patientId, section, parsed.data);
  } catch (error) {
    return { ...actionError(error), values };
  }
  revalidatePath(`/pro/patients/${patientId}`);
  return { message: "Profil médical mis à jour.", success: true };
}
