"use server";

import { redirect } from "next/navigation";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { askNir, importHospitalDocument, saveHospitalDraft } from "@/lib/hospital/portal";
import type { TFormState } from "@/components/ui/form-state";
import { actionError, CARD_SESSION_EXPIRED } from "@/lib/errors/action-result";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function saveDraftAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  const structurePatientId = text(formData, "structurePatientId");
  let documentId: string;
  try {
    ({ documentId } = await saveHospitalDraft(actor, {
      structurePatientId,
      catalogueEntryId: text(formData, "catalogueEntryId"),
      title: text(formData, "title"),
      body: text(formData, "body"),
      authorId: text(formData, "authorId"),
      serviceDate: text(formData, "serviceDate"),
    }));
  } catch (error) {
    return { message: `Le brouillon n'a pas été enregistré : ${actionError(error).message}` };
  }
  redirect(`/hopital/patients/${encodeURIComponent(structurePatientId)}/documents/${encodeURIComponent(documentId)}`);
}

export async function importAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  const structurePatientId = text(formData, "structurePatientId");
  const origin = text(formData, "origin");
  try {
    await importHospitalDocument(actor, {
      structurePatientId,
      origin: (origin.startsWith("SCANNED") ? "SCANNED_IMPORT" : "OTHER_SOFTWARE") as "SCANNED_IMPORT",
      originLabel: origin.split(":")[1] ?? "",
      title: text(formData, "title"),
      typeCode: text(formData, "typeCode"),
      serviceDate: text(formData, "serviceDate"),
    });
  } catch (error) {
    return actionError(error);
  }
  redirect(`/hopital/patients/${encodeURIComponent(structurePatientId)}/suivi?importe=1`);
}

export async function requestNirAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  try {
    await askNir(actor, { structurePatientId: text(formData, "structurePatientId"), desk: text(formData, "desk"), note: text(formData, "note") || undefined });
  } catch (error) {
    return actionError(error);
  }
  return { message: "Demande transmise : le bureau choisi ajoutera le NIR à partir de la copie de la carte Vitale et de l'étiquette IPP.", success: true };
}
