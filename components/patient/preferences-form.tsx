"use client";

import { useActionState } from "react";
import { ChoiceField, Fieldset } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

type TPrefs = { notifyByEmail: boolean; notifyBySms: boolean; otpChannel: "EMAIL" | "SMS"; email: string | null; phone: string | null };

export function PreferencesForm({ action, prefs }: { action: (p: TFormState, f: FormData) => Promise<TFormState>; prefs: TPrefs }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-6">
      <FormMessage state={state} />
      <Fieldset id="canaux" legend="Recevoir les notifications" hint="Création du dossier, première consultation par un professionnel, nouveau document, accès en urgence.">
        <ChoiceField id="notifyByEmail" type="checkbox" name="notifyByEmail" defaultChecked={prefs.notifyByEmail} label={`Par courriel${prefs.email ? ` (${prefs.email})` : " (aucune adresse enregistrée)"}`} />
        <ChoiceField id="notifyBySms" type="checkbox" name="notifyBySms" defaultChecked={prefs.notifyBySms} label={`Par SMS${prefs.phone ? ` (${prefs.phone})` : " (aucun numéro enregistré)"}`} />
      </Fieldset>
      <Fieldset id="otpChannel" legend="Recevoir le code de connexion">
        <ChoiceField id="otpChannel-email" type="radio" name="otpChannel" value="EMAIL" defaultChecked={prefs.otpChannel === "EMAIL"} label="Par courriel" />
        <ChoiceField id="otpChannel-sms" type="radio" name="otpChannel" value="SMS" defaultChecked={prefs.otpChannel === "SMS"} label="Par SMS" />
      </Fieldset>
      <SubmitButton>Enregistrer mes préférences</SubmitButton>
    </form>
  );
}
