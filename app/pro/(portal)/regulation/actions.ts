"use server";

import { redirect } from "next/navigation";
import type { TFormState } from "@/components/ui/form-state";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/errors/action-result";
import { declareEmergencyAccess } from "@/lib/pro/portal";

/** SAMU-Centre 15: opens the caller's record at once, without consent or justification. */
export async function openInRegulationAction(patientId: string, _state: TFormState, _form: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  let outcome;
  try {
    outcome = await declareEmergencyAccess(actor, patientId, { mode: "SAMU" });
  } catch (error) {
    return actionError(error);
  }
  if (outcome.status === "REFUSED") return { message: outcome.message };
  redirect(`/pro/patients/${patientId}`);
}
