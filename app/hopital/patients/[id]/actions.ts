"use server";

import { getProfessionalActor } from "@/lib/auth/pro/session";
import { userMessageFor } from "@/lib/errors/messages";
import { validateHospitalLetter } from "@/lib/feed/hospital-portal";
import { ZHospitalLetterInput } from "@/lib/feed/submit-hospital-letter";
import type { TLetterFormState } from "../../_components/letter-form-state";

export async function validateLetterAction(_previous: TLetterFormState, formData: FormData): Promise<TLetterFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return { error: "Votre session a expiré : reconnectez-vous avec votre carte CPS." };
  const parsed = ZHospitalLetterInput.safeParse({
    structurePatientId: formData.get("structurePatientId"),
    templateId: formData.get("templateId"),
    title: formData.get("title"),
    body: formData.get("body"),
    authorId: formData.get("authorId"),
    serviceDate: formData.get("serviceDate"),
    masking: formData.get("masking") ?? "NONE",
    sendToDmp: formData.get("sendToDmp") === "on",
    format: formData.get("format") ?? "PDF",
  });
  if (!parsed.success) {
    return { error: "Le document n'a pas été validé : corrigez les champs signalés.", fieldErrors: parsed.error.flatten().fieldErrors };
  }
  try {
    return { result: await validateHospitalLetter(actor, parsed.data) };
  } catch (error) {
    return { error: userMessageFor(error) };
  }
}
