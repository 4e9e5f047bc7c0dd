"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormMessage } from "@/components/ui/form-message";
import type { TFormState } from "@/components/ui/form-state";
import { ChoiceField, Fieldset, InputField, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ofName } from "@/lib/text/french";

export type TRepresentativeAccountChoice = "EXISTING" | "NEW";

export type TCreateMinorRecordFormState = Omit<TFormState, "values"> & {
  /** What was typed, put back after a refusal. */
  values?: {
    relationship?: string;
    representativeAccount?: string;
    existingLoginId?: string;
    email?: string;
    phone?: string;
    firstName?: string;
    lastName?: string;
    hasConsent?: boolean;
  };
  created?: {
    patientId: string;
    name: string;
    representative: { loginId: string; isNewAccount: boolean; channel: "SMS" | "EMAIL" | null; isSecretSent: boolean };
  };
};

type TAction = (state: TCreateMinorRecordFormState, form: FormData) => Promise<TCreateMinorRecordFormState>;

function Created({ created }: { created: NonNullable<TCreateMinorRecordFormState["created"]> }) {
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    doneHeading.current?.focus();
  }, []);
  const r = created.representative;
  return (
    <section aria-labelledby="dossier-cree" className="flex max-w-2xl flex-col gap-4 rounded-lg border-2 border-green-700 bg-green-50 p-5">
      <h2 id="dossier-cree" ref={doneHeading} tabIndex={-1} className="text-2xl font-semibold text-green-950">
        Dossier créé
      </h2>
      <p>
        Le DMP {ofName(created.name)} est ouvert, avec l&apos;accord de son représentant légal. L&apos;enfant n&apos;a pas de compte à lui : son
        représentant légal accède au dossier depuis son propre espace et reçoit les notifications.
      </p>
      {!r.isNewAccount ? (
        <p>
          <strong>{r.loginId}</strong> retrouve le dossier de l&apos;enfant dans son espace (« Changer de dossier »).
        </p>
      ) : r.isSecretSent ? (
        <p>
          Identifiant <strong>{r.loginId}</strong> et mot de passe provisoire envoyés au représentant {r.channel === "SMS" ? "par SMS" : "par courriel"}. Il
          devra remplacer ce mot de passe à sa première connexion.
        </p>
      ) : (
        <Alert tone="warning">
          Identifiant du représentant : <strong>{r.loginId}</strong>. Le mot de passe provisoire n&apos;a pas pu être envoyé : le représentant pourra
          utiliser « Mot de passe oublié » sur le portail patient.
        </Alert>
      )}
      <p>L&apos;historique de remboursements de l&apos;Assurance Maladie est chargé dans les minutes qui suivent.</p>
      <p>
        <Link href={`/pro/patients/${created.patientId}`}>Ouvrir le dossier {ofName(created.name)}</Link>
      </p>
    </section>
  );
}

/**
 * The legal representative (relationship, existing or new portal account, contact), their
 * agreement and submit. Every field is in the page without JavaScript (the server decides
 * by the choice); with it, the fields of the other choice are hidden.
 */
export function CreateMinorRecordForm({ action, relationships }: { action: TAction; relationships: readonly string[] }) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const [choice, setChoice] = useState<string>(v.representativeAccount ?? "");

  if (state.created) return <Created created={state.created} />;

  const e = state.fieldErrors ?? {};
  const contactHint =
    choice === "EXISTING"
      ? "L'adresse électronique ou le mobile enregistrés dans son compte (au moins l'un des deux)."
      : choice === "NEW"
        ? "Au moins l'un des deux. Le mot de passe provisoire est envoyé par SMS si un mobile est indiqué, sinon par courriel. Les notifications du dossier de l'enfant y sont envoyées."
        : "Compte existant : l'adresse ou le mobile enregistrés dans son compte. Nouveau compte : au moins l'un des deux (le mot de passe provisoire part par SMS si un mobile est indiqué, sinon par courriel).";
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <Fieldset
        id="representant"
        legend="Représentant légal"
        hint="L'enfant n'a pas de compte Mon espace santé : son représentant légal accède à son dossier depuis son propre compte."
      >
        {/* Keyed on the value sent: React applies a select's defaultValue only when it mounts, and the form is reset after each action. */}
        <SelectField
          key={v.relationship ?? ""}
          id="relationship"
          name="relationship"
          label="Lien avec l'enfant"
          placeholder="Choisir…"
          options={relationships.map((r) => ({ value: r, label: r }))}
          defaultValue={v.relationship ?? ""}
          error={e.relationship}
        />
        <Fieldset id="representativeAccount" legend="Compte Mon espace santé du représentant" error={e.representativeAccount}>
          <ChoiceField
            id="representativeAccount-existing"
            name="representativeAccount"
            type="radio"
            value="EXISTING"
            label="Le représentant a déjà un compte Mon espace santé"
            hint="Indiquez son identifiant et l'adresse électronique ou le mobile enregistrés dans son compte."
            defaultChecked={v.representativeAccount === "EXISTING"}
            onChange={() => setChoice("EXISTING")}
          />
          <ChoiceField
            id="representativeAccount-new"
            name="representativeAccount"
            type="radio"
            value="NEW"
            label="Créer un compte pour le représentant"
            hint="Indiquez ses prénom et nom, et une adresse électronique et/ou un mobile : un identifiant et un mot de passe provisoire lui sont envoyés."
            defaultChecked={v.representativeAccount === "NEW"}
            onChange={() => setChoice("NEW")}
          />
        </Fieldset>
        {choice !== "NEW" ? (
          <InputField
            id="existingLoginId"
            name="existingLoginId"
            label="Identifiant Mon espace santé du représentant"
            hint="Compte existant uniquement."
            autoComplete="off"
            defaultValue={v.existingLoginId}
            error={e.existingLoginId}
          />
        ) : null}
        {choice !== "EXISTING" ? (
          <>
            <InputField
              id="firstName"
              name="firstName"
              label="Prénom du représentant"
              hint="Nouveau compte uniquement."
              autoComplete="off"
              defaultValue={v.firstName}
              error={e.firstName}
            />
            <InputField
              id="lastName"
              name="lastName"
              label="Nom du représentant"
              hint="Nouveau compte uniquement."
              autoComplete="off"
              defaultValue={v.lastName}
              error={e.lastName}
            />
          </>
        ) : null}
        <Fieldset id="contact" legend="Coordonnées du représentant" hint={contactHint}>
          <InputField
            id="email"
            name="email"
            type="email"
            label="Adresse électronique du représentant"
            autoComplete="off"
            defaultValue={v.email}
            error={e.email}
          />
          <InputField
            id="phone"
            name="phone"
            type="tel"
            label="Téléphone mobile du représentant"
            hint="06 ou 07 suivi de 8 chiffres."
            autoComplete="off"
            defaultValue={v.phone}
            error={e.phone}
          />
        </Fieldset>
      </Fieldset>
      <Fieldset id="consent" legend="Accord du représentant légal" error={e.hasConsent}>
        <ChoiceField
          id="hasConsent"
          name="hasConsent"
          value="oui"
          type="checkbox"
          label="Le représentant légal a donné son accord pour la création du DMP de l'enfant"
          defaultChecked={v.hasConsent === true}
        />
      </Fieldset>
      <div>
        <SubmitButton pendingLabel="Création en cours…">Créer le dossier</SubmitButton>
      </div>
    </form>
  );
}
