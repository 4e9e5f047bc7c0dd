"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPatientActor } from "@/lib/auth/patient/session";
import {
  portalAddPersonalDocument,
  portalDeletePersonalDocument,
  portalOppose,
  portalSetMasked,
  portalUpdatePersonalDocument,
  portalWithdrawOpposition,
} from "@/lib/patient-portal";
import { ZPersonalDocumentMeta } from "@/lib/documents/patient-document-commands";
import { MAX_UPLOAD_BYTES } from "@/lib/documents/check-upload";
import type { TFormState } from "@/components/ui/form-state";
import { ZRowId } from "@/lib/http/row-id";

async function actorOrSignIn() {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  return actor;
}

export async function setMaskedAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("documentId"));
  const isMasked = formData.get("masquer") === "1";
  if (!id.success) return { message: "Élément introuvable." };
  const result = await portalSetMasked(actor, id.data, isMasked);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/documents");
  redirect(`/patient/documents/${id.data}?message=${isMasked ? "masque" : "demasque"}`);
}

export async function opposeAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("documentId"));
  const reason = String(formData.get("reason") ?? "");
  if (!id.success) return { message: "Élément introuvable." };
  const result = await portalOppose(actor, id.data, reason);
  if (!result.ok) return result.code === "INVALID_INPUT" ? { fieldErrors: { reason: [result.message] }, values: { reason } } : { message: result.message, values: { reason } };
  revalidatePath("/patient/documents");
  redirect(`/patient/documents/${id.data}?message=oppose`);
}

export async function withdrawOppositionAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("documentId"));
  if (!id.success) return { message: "Élément introuvable." };
  const result = await portalWithdrawOpposition(actor, id.data);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/documents");
  redirect(`/patient/documents/${id.data}?message=opposition-levee`);
}

function metaFrom(formData: FormData) {
  return { title: String(formData.get("title") ?? ""), typeCode: String(formData.get("typeCode") ?? ""), serviceDate: String(formData.get("serviceDate") ?? "") };
}

export async function addPersonalDocumentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const meta = metaFrom(formData);
  const parsed = ZPersonalDocumentMeta.safeParse(meta);
  const file = formData.get("file");
  const fieldErrors: Record<string, string[] | undefined> = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  if (!(file instanceof File) || file.size === 0) fieldErrors.file = ["Choisissez un fichier."];
  else if (file.size > MAX_UPLOAD_BYTES) fieldErrors.file = ["Le fichier dépasse la taille maximale de 10 Mo."];
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { fieldErrors, values: meta };
  const upload = file as File;
  const result = await portalAddPersonalDocument(actor, { ...parsed.data, bytes: new Uint8Array(await upload.arrayBuffer()), declaredType: upload.type || null });
  if (!result.ok) {
    return ["TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"].includes(result.code) ? { fieldErrors: { file: [result.message] }, values: meta } : { message: result.message, values: meta };
  }
  revalidatePath("/patient/documents");
  redirect(`/patient/documents/${result.value.documentId}?message=ajoute`);
}

export async function updatePersonalDocumentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("documentId"));
  const meta = metaFrom(formData);
  const parsed = ZPersonalDocumentMeta.safeParse(meta);
  if (!id.success) return { message: "Élément introuvable." };
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values: meta };
  const result = await portalUpdatePersonalDocument(actor, id.data, parsed.data);
  if (!result.ok) return { message: result.message, values: meta };
  revalidatePath("/patient/documents");
  redirect(`/patient/documents/${id.data}?message=modifie`);
}

export async function deletePersonalDocumentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("documentId"));
  if (!id.success) return { message: "Élément introuvable." };
  const result = await portalDeletePersonalDocument(actor, id.data);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/documents");
  redirect("/patient/documents?message=supprime");
}
