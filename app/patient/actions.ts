"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { chooseActingRecord, signOutPatient } from "@/lib/auth/patient/flows";
import { renewPatientSession } from "@/lib/auth/patient/session";
import { ZRowId } from "@/lib/http/row-id";

export async function signOutAction(): Promise<void> {
  await signOutPatient();
  redirect("/patient/connexion?deconnecte=1");
}

/** Called on activity by the session keeper: slides the 30-minute inactivity window. */
export async function keepSessionAliveAction(): Promise<boolean> {
  return renewPatientSession();
}

const ZChoice = z.object({ patientId: ZRowId });

export async function chooseRecordAction(formData: FormData): Promise<void> {
  const parsed = ZChoice.safeParse({ patientId: formData.get("patientId") });
  if (!parsed.success || !(await chooseActingRecord(parsed.data.patientId))) redirect("/patient/choisir-dossier?erreur=1");
  redirect("/patient/tableau-de-bord");
}
