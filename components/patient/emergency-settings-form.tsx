"use client";

import { useActionState } from "react";
import { ChoiceField, Fieldset } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

export function EmergencySettingsForm({
  action,
  breakGlassAllowed,
  samuAllowed,
  disabled,
}: {
  action: (p: TFormState, f: FormData) => Promise<TFormState>;
  breakGlassAllowed: boolean;
  samuAllowed: boolean;
  disabled?: boolean;
}) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-6">
      <FormMessage state={state} />
      <Fieldset
        id="breakGlass"
        legend="Accès en bris de glace"
        hint="Si votre état présente un risque immédiat et que vous ne pouvez pas exprimer votre volonté, un professionnel peut accéder à votre dossier en déclarant l'urgence et en justifiant son accès. Vous en êtes averti."
      >
        <ChoiceField id="breakGlass-oui" type="radio" name="breakGlass" value="oui" defaultChecked={breakGlassAllowed} label="J'autorise l'accès en bris de glace" disabled={disabled} />
        <ChoiceField id="breakGlass-non" type="radio" name="breakGlass" value="non" defaultChecked={!breakGlassAllowed} label="Je m'oppose à l'accès en bris de glace" disabled={disabled} />
      </Fieldset>
      <Fieldset
        id="samu"
        legend="Accès du SAMU-Centre 15"
        hint="Lors d'un appel au 15, le médecin régulateur peut consulter votre dossier pour mieux vous orienter. Vous en êtes averti."
      >
        <ChoiceField id="samu-oui" type="radio" name="samu" value="oui" defaultChecked={samuAllowed} label="J'autorise l'accès du SAMU-Centre 15" disabled={disabled} />
        <ChoiceField id="samu-non" type="radio" name="samu" value="non" defaultChecked={!samuAllowed} label="Je m'oppose à l'accès du SAMU-Centre 15" disabled={disabled} />
      </Fieldset>
      <SubmitButton disabled={disabled}>Enregistrer mes choix</SubmitButton>
    </form>
  );
}
