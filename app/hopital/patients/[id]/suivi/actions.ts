"use server";

import { revalidatePath } from "next/cache";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { resendHospitalDocument, sendHospitalDocumentByMssante } from "@/lib/hospital/portal";
import type { TFormState } from "@/components/ui/form-state";
import { actionError, CARD_SESSION_EXPIRED } from "@/lib/errors/action-result";


export async function resendAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  try {
    const result = await resendHospitalDocument(actor, String(formData.get("documentId") ?? ""));
    revalidatePath("/hopital/patients/[id]/suivi", "page");
    return { message: `Renvoi au DMP : ${result.statusLabel} — ${result.message}`, success: true };
  } catch (error) {
    return actionError(error);
  }
}

export async function mssanteAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  const choice = String(formData.get("recipientKind") ?? "PATIENT");
  try {
    const { recipient } = await sendHospitalDocumentByMssante(actor, {
      documentId: String(formData.get("documentId") ?? ""),
      recipient: choice === "PATIENT" ? "PATIENT" : String(formData.get("address") ?? ""),
    });
    revalidatePath("/hopital/patients/[id]/suivi", "page");
    return { message: `Document envoyé par MSSanté à ${recipient}.`, success: true };
  } catch (error) {
    return actionError(error);
  }
}
