"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TFormState } from "@/components/ui/form-state";
import type { TBreakGlassFormState } from "@/components/pro/break-glass-form";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { ZBreakGlassInput } from "@/lib/emergency/emergency-input";
import { actionError } from "@/lib/errors/action-result";
import { declareEmergencyAccess, endEmergencyAccess } from "@/lib/pro/portal";

async function actorOrSignIn() {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  return actor;
}

/** Break-the-glass: the two statements and a justification, then the record opens in that mode. */
export async function breakGlassAction(patientId: string, state: TBreakGlassFormState, form: FormData): Promise<TBreakGlassFormState> {
  const actor = await actorOrSignIn();
  const raw = {
    immediateRisk: form.get("immediateRisk") === "oui",
    cannotConsent: form.get("cannotConsent") === "oui",
    justification: typeof form.get("justification") === "string" ? String(form.get("justification")) : "",
  };
  const parsed = ZBreakGlassInput.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { fieldErrors, ...raw, attempt: (state.attempt ?? 0) + 1 };
  }
  let outcome;
  try {
    outcome = await declareEmergencyAccess(actor, patientId, { mode: "BREAK_GLASS", justification: parsed.data.justification });
  } catch (error) {
    return { ...actionError(error), ...raw, attempt: (state.attempt ?? 0) + 1 };
  }
  if (outcome.status === "REFUSED") return { message: outcome.message, ...raw, attempt: (state.attempt ?? 0) + 1 };
  revalidatePath(`/pro/patients/${patientId}`);
  redirect(`/pro/patients/${patientId}`);
}

/** Ends the professional's emergency access on this record now. */
export async function closeEmergencyAction(patientId: string, _state: TFormState, _form: FormData): Promise<TFormState> {
  const actor = await actorOrSignIn();
  try {
    await endEmergencyAccess(actor, patientId);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/pro/patients/${patientId}`);
  redirect(`/pro/patients/${patientId}/acces?urgence=close`);
}
