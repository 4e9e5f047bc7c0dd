"use server";

import { redirect } from "next/navigation";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { validateHospitalDocument } from "@/lib/hospital/portal";
import type { TFormState } from "@/components/ui/form-state";
import { actionError, CARD_SESSION_EXPIRED } from "@/lib/errors/action-result";

export async function validateAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  const documentId = String(formData.get("documentId") ?? "");
  const optional = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  try {
    await validateHospitalDocument(actor, {
      documentId,
      sendToDmp: formData.get("sendToDmp") === "on",
      holdReason: optional("holdReason") as never,
      holdText: optional("holdText"),
      masking: String(formData.get("masking") ?? "") as never,
      format: (optional("format") ?? "PDF") as never,
    });
  } catch (error) {
    return { message: `Le document n'a pas été validé : ${actionError(error).message}` };
  }
  // The page shows the validated document with its status.
  redirect(`/hopital/patients/${encodeURIComponent(String(formData.get("structurePatientId") ?? ""))}/documents/${encodeURIComponent(documentId)}`);
}
