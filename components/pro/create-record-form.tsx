"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { FormMessage } from "@/components/ui/form-message";
import type { TFormState } from "@/components/ui/form-state";
import { ChoiceField, Fieldset, InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ofName } from "@/lib/text/french";

export type TCreateRecordFormState = Omit<TFormState, "values"> & {
  /** What was typed, put back after a refusal. */
  values?: { email?: string; phone?: string };
  created?: { patientId: string; loginId: string; name: string; channel: "SMS" | "EMAIL"; isSecretSent: boolean };
};

/** Contact, agreement and submit; once created, the confirmation replaces the form. */
export function CreateRecordForm({ action }: { action: (state: TCreateRecordFormState, form: FormData) => Promise<TCreateRecordFormState> }) {
  const [state, formAction] = useActionState(action, {});
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.created) doneHeading.current?.focus();
  }, [state.created]);

  if (state.created) {
    const c = state.created;
    return (
      <section aria-labelledby="dossier-cree" className="flex max-w-2xl flex-col gap-4 rounded-lg border-2 border-green-700 bg-green-50 p-5">
        <h2 id="dossier-cree" ref={doneHeading} tabIndex={-1} className="text-2xl font-semibold text-green-950">
          Dossier créé
        </h2>
        <p>
          Le DMP {ofName(c.name)} est ouvert. Identifiant de connexion du patient : <strong>{c.loginId}</strong>
        </p>
        {c.isSecretSent ? (
          <p>
            Un mot de passe provisoire lui a été envoyé {c.channel === "SMS" ? "par SMS au mobile indiqué" : "par courriel à l'adresse indiquée"}. Il devra le
            remplacer à sa première connexion.
          </p>
        ) : (
          <Alert tone="warning">
            Le mot de passe provisoire n&apos;a pas pu être envoyé. Le patient pourra utiliser « Mot de passe oublié » sur le portail patient.
          </Alert>
        )}
        <p>L&apos;historique de remboursements de l&apos;Assurance Maladie est chargé dans les minutes qui suivent.</p>
        <p>
          <Link href={`/pro/patients/${c.patientId}`}>Ouvrir le dossier {ofName(c.name)}</Link>
        </p>
      </section>
    );
  }

  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <Fieldset
        id="contact"
        legend="Coordonnées du patient"
        hint="Au moins une des deux. Le mot de passe provisoire est envoyé par SMS si un mobile est indiqué, sinon par courriel."
      >
        <InputField id="email" name="email" type="email" label="Adresse électronique" autoComplete="off" defaultValue={v.email} error={e.email} />
        <InputField id="phone" name="phone" type="tel" label="Téléphone mobile" hint="06 ou 07 suivi de 8 chiffres." autoComplete="off" defaultValue={v.phone} error={e.phone} />
      </Fieldset>
      <Fieldset id="consent" legend="Accord du patient" error={e.hasConsent}>
        <ChoiceField id="hasConsent" name="hasConsent" value="oui" type="checkbox" label="Le patient a donné son accord pour la création de son DMP" />
      </Fieldset>
      <div>
        <SubmitButton pendingLabel="Création en cours…">Créer le dossier</SubmitButton>
      </div>
    </form>
  );
}
