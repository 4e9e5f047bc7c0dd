"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPatientActor } from "@/lib/auth/patient/session";
import { portalMarkNotificationsRead, portalUpdateNotificationPreferences } from "@/lib/patient-portal";
import type { TFormState } from "@/components/ui/form-state";

export async function preferencesAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  const otpChannel = formData.get("otpChannel") === "SMS" ? "SMS" : "EMAIL";
  const result = await portalUpdateNotificationPreferences(actor, {
    notifyByEmail: formData.get("notifyByEmail") === "on",
    notifyBySms: formData.get("notifyBySms") === "on",
    otpChannel,
  });
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient/notifications");
  return { success: true, message: "Vos préférences sont enregistrées." };
}

export async function markReadAction(_prev: TFormState): Promise<TFormState> {
  const actor = await getPatientActor();
  if (!actor) redirect("/patient/connexion");
  const result = await portalMarkNotificationsRead(actor);
  if (!result.ok) return { message: result.message };
  revalidatePath("/patient", "layout");
  return { success: true, message: "Toutes les notifications sont marquées comme lues." };
}
