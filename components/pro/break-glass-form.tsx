"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormMessage } from "@/components/ui/form-message";
import type { TFormState } from "@/components/ui/form-state";
import { ChoiceField, Fieldset, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** The shared form state (`message`: a refusal or an unexpected failure), plus what was typed. */
export type TBreakGlassFormState = TFormState & {
  /** What was typed, given back so a rejected form keeps it. */
  justification?: string;
  immediateRisk?: boolean;
  cannotConsent?: boolean;
  /** Bumped on each rejected attempt, to reset the fields to the values given back. */
  attempt?: number;
};

/**
 * The break-the-glass declaration: the two statements and the justification. The browser
 * does not block the submission, so the server's French messages (ZBreakGlassInput) show
 * next to each field.
 */
export function BreakGlassForm({ action }: { action: (state: TBreakGlassFormState, form: FormData) => Promise<TBreakGlassFormState> }) {
  const [state, formAction] = useActionState(action, {});
  const fe = state.fieldErrors ?? {};
  const conditionErrors = [...(fe.immediateRisk ?? []), ...(fe.cannotConsent ?? [])];
  const hasFieldErrors = conditionErrors.length > 0 || (fe.justification?.length ?? 0) > 0;
  return (
    <form action={formAction} noValidate className="flex max-w-2xl flex-col gap-5" aria-labelledby="bris-de-glace">
      <FormMessage state={state} />
      {hasFieldErrors ? <Alert tone="danger">Le formulaire comporte des erreurs : corrigez les champs signalés.</Alert> : null}
      <Fieldset id="conditions-urgence" legend="Conditions de l'accès en urgence" required error={conditionErrors}>
        <ChoiceField
          key={`risk-${state.attempt ?? 0}`}
          id="immediateRisk"
          name="immediateRisk"
          value="oui"
          type="checkbox"
          defaultChecked={state.immediateRisk ?? false}
          label="L'état du patient comporte un risque immédiat pour sa santé"
        />
        <ChoiceField
          key={`consent-${state.attempt ?? 0}`}
          id="cannotConsent"
          name="cannotConsent"
          value="oui"
          type="checkbox"
          defaultChecked={state.cannotConsent ?? false}
          label="Le patient est hors d'état d'exprimer sa volonté"
        />
      </Fieldset>
      <TextareaField
        key={`justification-${state.attempt ?? 0}`}
        id="justification"
        name="justification"
        label="Justification de l'accès en urgence"
        hint="Au moins une phrase : elle est conservée dans la trace et communiquée au patient."
        required
        rows={4}
        maxLength={1000}
        defaultValue={state.justification ?? ""}
        error={fe.justification}
      />
      <div>
        <SubmitButton variant="danger">Déclarer l&apos;urgence et ouvrir le dossier</SubmitButton>
      </div>
    </form>
  );
}
