"use client";

import { useActionState } from "react";
import { InputField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

type TAction = (prev: TFormState, formData: FormData) => Promise<TFormState>;

export function RectificationForm({ action, documentId }: { action: TAction; documentId: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="documentId" value={documentId} />
      <TextareaField
        id="text"
        name="text"
        label="Information à rectifier"
        hint="Indiquez ce qui est inexact ou incomplet et ce qui devrait figurer (10 caractères au moins). Votre demande est transmise à l'auteur du document."
        required
        defaultValue={state.values?.text}
      />
      <SubmitButton>Envoyer la demande à l&apos;auteur</SubmitButton>
    </form>
  );
}

export function RecordCopyByMailForm({ action }: { action: TAction }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <InputField id="recipient" name="recipient" label="Destinataire" autoComplete="name" required defaultValue={state.values?.recipient} />
      <InputField id="street" name="street" label="Adresse (numéro et voie)" autoComplete="street-address" required defaultValue={state.values?.street} />
      <InputField id="postalCode" name="postalCode" label="Code postal" inputMode="numeric" autoComplete="postal-code" required defaultValue={state.values?.postalCode} />
      <InputField id="city" name="city" label="Commune" autoComplete="address-level2" required defaultValue={state.values?.city} />
      <SubmitButton>Demander la copie par courrier recommandé</SubmitButton>
    </form>
  );
}

export function FeedOppositionForm({ action }: { action: TAction }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <InputField
        id="reference"
        name="reference"
        label="Numéro du professionnel ou de l'établissement"
        hint="Numéro RPPS (11 chiffres) ou identifiant national (12 chiffres) du professionnel, ou numéro FINESS (9 chiffres) de l'établissement."
        inputMode="numeric"
        required
        defaultValue={state.values?.reference}
      />
      <SubmitButton variant="danger">M&apos;opposer à ce qu&apos;il alimente mon dossier</SubmitButton>
    </form>
  );
}
