"use server";

import { revalidatePath } from "next/cache";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { userMessageFor } from "@/lib/errors/messages";
import { resendHospitalDocument, sendHospitalDocumentByMssante } from "@/lib/hospital/portal";
import type { TActionState } from "../../../_components/action-form";

const SESSION_EXPIRED = "Votre session a expiré : reconnectez-vous avec votre carte CPS.";

export async function resendAction(_previous: TActionState, formData: FormData): Promise<TActionState> {
  const actor = await getProfessionalActor();
  if (!actor) return { error: SESSION_EXPIRED };
  try {
    const result = await resendHospitalDocument(actor, String(formData.get("documentId") ?? ""));
    revalidatePath("/hopital/patients/[id]/suivi", "page");
    return { done: `Renvoi au DMP : ${result.statusLabel} — ${result.message}` };
  } catch (error) {
    return { error: userMessageFor(error) };
  }
}

export async function mssanteAction(_previous: TActionState, formData: FormData): Promise<TActionState> {
  const actor = await getProfessionalActor();
  if (!actor) return { error: SESSION_EXPIRED };
  const choice = String(formData.get("recipientKind") ?? "PATIENT");
  try {
    const { recipient } = await sendHospitalDocumentByMssante(actor, {
      documentId: String(formData.get("documentId") ?? ""),
      recipient: choice === "PATIENT" ? "PATIENT" : String(formData.get("address") ?? ""),
    });
    revalidatePath("/hopital/patients/[id]/suivi", "page");
    return { done: `Document envoyé par MSSanté à ${recipient}.` };
  } catch (error) {
    return { error: userMessageFor(error) };
  }
}
