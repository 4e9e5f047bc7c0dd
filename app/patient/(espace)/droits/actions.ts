"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPatientActor } from "@/lib/auth/patient/session";
import { portalAddFeedOpposition, portalRequestRecordCopyByMail, portalRequestRectification, portalWithdrawFeedOpposition } from "@/lib/patient-portal/rights";
import type { TFormState } from "@/components/ui/form-state";
import { ZRowId } from "@/lib/http/row-id";

async function actorOrSignIn() {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  return actor;
}

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function rectificationAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const documentId = ZRowId.safeParse(formData.get("documentId"));
  if (!documentId.success) return { message: "Document introuvable." };
  const text = field(formData, "text");
  const result = await portalRequestRectification(actor, documentId.data, text);
  if (!result.ok) return { message: result.message, values: { text } };
  revalidatePath("/patient/droits");
  redirect("/patient/droits?message=rectification-envoyee");
}

export async function recordCopyByMailAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const values = { recipient: field(formData, "recipient"), street: field(formData, "street"), postalCode: field(formData, "postalCode"), city: field(formData, "city") };
  const result = await portalRequestRecordCopyByMail(actor, values);
  if (!result.ok) return { message: result.message, values };
  revalidatePath("/patient/droits");
  return { success: true, message: "Votre demande est enregistrée : l'hébergeur vous enverra la copie de votre dossier par courrier recommandé." };
}

export async function feedOppositionAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const reference = field(formData, "reference");
  const result = await portalAddFeedOpposition(actor, reference);
  if (!result.ok) return { message: result.message, values: { reference } };
  revalidatePath("/patient/droits");
  return { success: true, message: `Opposition enregistrée : ${result.value.label} ne pourra plus alimenter votre dossier.` };
}

export async function withdrawFeedOppositionAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  const id = ZRowId.safeParse(formData.get("oppositionId"));
  if (!id.success) return { message: "Opposition introuvable." };
  const result = await portalWithdrawFeedOpposition(actor, id.data);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/droits");
  return { success: true, message: "Opposition levée." };
}
