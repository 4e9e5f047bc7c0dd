"use server";

import { revalidatePath } from "next/cache";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { confirmPatientNir, correctPatientIdentity } from "@/lib/hospital/portal";
import type { TFormState } from "@/components/ui/form-state";
import { actionError, CARD_SESSION_EXPIRED } from "@/lib/errors/action-result";


export async function confirmNirAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  try {
    await confirmPatientNir(actor, { requestId: String(formData.get("requestId") ?? ""), nir: String(formData.get("nir") ?? ""), birthRank: formData.get("birthRank") });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/hopital/admissions");
  return { message: "NIR confirmé : l'établissement peut renvoyer les documents retenus.", success: true };
}

export async function correctIdentityAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  try {
    await correctPatientIdentity(actor, {
      structurePatientId: String(formData.get("structurePatientId") ?? ""),
      birthDate: String(formData.get("birthDate") ?? ""),
      birthRank: formData.get("birthRank"),
    });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/hopital/admissions");
  return { message: "Identité corrigée : renvoyez les documents en certification KO depuis le suivi export du patient.", success: true };
}
