"use server";

import { revalidatePath } from "next/cache";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { userMessageFor } from "@/lib/errors/messages";
import { confirmPatientNir, correctPatientIdentity } from "@/lib/hospital/portal";
import type { TActionState } from "../_components/action-form";

const SESSION_EXPIRED = "Votre session a expiré : reconnectez-vous avec votre carte CPS.";

export async function confirmNirAction(_previous: TActionState, formData: FormData): Promise<TActionState> {
  const actor = await getProfessionalActor();
  if (!actor) return { error: SESSION_EXPIRED };
  try {
    await confirmPatientNir(actor, { requestId: String(formData.get("requestId") ?? ""), nir: String(formData.get("nir") ?? ""), birthRank: formData.get("birthRank") });
  } catch (error) {
    return { error: userMessageFor(error) };
  }
  revalidatePath("/hopital/admissions");
  return { done: "NIR confirmé : l'établissement peut renvoyer les documents retenus." };
}

export async function correctIdentityAction(_previous: TActionState, formData: FormData): Promise<TActionState> {
  const actor = await getProfessionalActor();
  if (!actor) return { error: SESSION_EXPIRED };
  try {
    await correctPatientIdentity(actor, {
      structurePatientId: String(formData.get("structurePatientId") ?? ""),
      birthDate: String(formData.get("birthDate") ?? ""),
      birthRank: formData.get("birthRank"),
    });
  } catch (error) {
    return { error: userMessageFor(error) };
  }
  revalidatePath("/hopital/admissions");
  return { done: "Identité corrigée : renvoyez les documents en certification KO depuis le suivi export du patient." };
}
