"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPatientActor } from "@/lib/auth/patient/session";
import { portalBlock, portalSetCareTeamPresumption, portalSetTreatingDoctor, portalUnblock, portalUpdateEmergencySettings } from "@/lib/patient-portal";
import type { TFormState } from "@/components/ui/form-state";
import { ZRowId } from "@/lib/http/row-id";

async function actorOrSignIn() {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  return actor;
}

export async function blockAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("professionalId"));
  if (!id.success) return { message: "Élément introuvable." };
  const isBlock = formData.get("bloquer") === "1";
  const result = isBlock ? await portalBlock(actor, id.data) : await portalUnblock(actor, id.data);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/acces");
  return { success: true, message: isBlock ? `${result.value.name} est bloqué : il n'a plus accès à votre dossier.` : `${result.value.name} est débloqué.` };
}

const ZTreating = z.object({
  professionalId: z.preprocess((v) => (v === "" ? null : v), z.string().max(64).nullable()),
  rpps: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().regex(/^\d{11,12}$/, "Le numéro RPPS comporte 11 chiffres.").nullable()),
});

export async function treatingDoctorAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const parsed = ZTreating.safeParse({ professionalId: formData.get("professionalId") ?? "", rpps: formData.get("rpps") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  if (!parsed.data.professionalId && !parsed.data.rpps) return { fieldErrors: { rpps: ["Choisissez un médecin dans la liste ou saisissez son numéro RPPS."] } };
  const result = await portalSetTreatingDoctor(actor, { professionalId: parsed.data.professionalId, rppsOrIdNat: parsed.data.rpps });
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/acces");
  return { success: true, message: `${result.value.name} est désormais votre médecin traitant.` };
}

const ZEmergency = z.object({ breakGlass: z.enum(["oui", "non"]), samu: z.enum(["oui", "non"]) });

export async function emergencySettingsAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const parsed = ZEmergency.safeParse({ breakGlass: formData.get("breakGlass"), samu: formData.get("samu") });
  if (!parsed.success) return { message: "Choisissez une réponse pour chaque accès." };
  const result = await portalUpdateEmergencySettings(actor, { breakGlassAllowed: parsed.data.breakGlass === "oui", samuAllowed: parsed.data.samu === "oui" });
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient", "layout");
  return { success: true, message: "Vos choix d'accès en urgence sont enregistrés." };
}

export async function careTeamPresumptionAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const isAllowed = formData.get("autoriser") === "1";
  const result = await portalSetCareTeamPresumption(actor, isAllowed);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/acces");
  if (isAllowed) return { success: true, message: "L'équipe de soins des professionnels que vous avez autorisés peut de nouveau accéder à votre dossier." };
  const removed = result.value.removed;
  return {
    success: true,
    message: `Votre opposition est enregistrée : seuls les professionnels à qui vous avez donné votre accord accèdent à votre dossier.${removed > 0 ? ` ${removed} accès au titre de l'équipe de soins ${removed > 1 ? "ont été retirés" : "a été retiré"}.` : ""}`,
  };
}
