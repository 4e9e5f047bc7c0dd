"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPatientActor } from "@/lib/auth/patient/session";
import { portalCloseRecord, portalReactivateRecord } from "@/lib/patient-portal";
import type { TFormState } from "@/components/ui/form-state";

const ZClose = z.object({ confirmation: z.string().max(50), reason: z.string().trim().max(500, "500 caractères au maximum.").optional() });

export async function closeRecordAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  const parsed = ZClose.safeParse({ confirmation: formData.get("confirmation") ?? "", reason: formData.get("reason") ?? undefined });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await portalCloseRecord(actor, { confirmation: parsed.data.confirmation, reason: parsed.data.reason || null });
  if (!result.ok) return result.code === "INVALID_INPUT" ? { fieldErrors: { confirmation: [result.message] } } : { message: result.message };
  revalidatePath("/patient", "layout");
  redirect("/patient/dossier?message=ferme");
}

export async function reactivateRecordAction(_prev: TFormState): Promise<TFormState> {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  const result = await portalReactivateRecord(actor);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient", "layout");
  redirect("/patient/dossier?message=reactive");
}
