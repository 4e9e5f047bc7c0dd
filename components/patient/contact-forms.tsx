"use client";

import { useActionState } from "react";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

type TAction = (p: TFormState, f: FormData) => Promise<TFormState>;

export function ContactDetailsForm({ action, email, phone }: { action: TAction; email: string | null; phone: string | null }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <InputField id="email" name="email" type="email" label="Adresse électronique" autoComplete="email" defaultValue={state.values?.email ?? email ?? ""} error={state.fieldErrors?.email} />
      <InputField id="phone" name="phone" type="tel" label="Téléphone mobile" autoComplete="tel" hint="Par exemple 06 12 34 56 78." defaultValue={state.values?.phone ?? phone ?? ""} error={state.fieldErrors?.phone} />
      <InputField
        id="contact-current-password"
        name="currentPassword"
        type="password"
        label="Mot de passe actuel"
        autoComplete="current-password"
        hint="Demandé pour toute modification de vos coordonnées."
        required
        error={state.fieldErrors?.currentPassword}
      />
      <SubmitButton>Enregistrer mes coordonnées</SubmitButton>
    </form>
  );
}

/** Second step of a contact change: the code sent to the new address or number. */
export function ContactConfirmForm({ confirm, cancel, destinationHint }: { confirm: TAction; cancel: () => Promise<void>; destinationHint: string }) {
  const [state, confirmAction] = useActionState(confirm, EMPTY_FORM_STATE);
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <FormMessage state={state} />
      <form action={confirmAction} className="flex flex-col gap-4" noValidate aria-label="Confirmer mes nouvelles coordonnées">
        <p>
          Pour enregistrer vos nouvelles coordonnées, saisissez le code envoyé à <strong>{destinationHint}</strong>. Il est valable 5 minutes.
        </p>
        <InputField id="contact-code" name="code" label="Code à usage unique" inputMode="numeric" autoComplete="one-time-code" required error={state.fieldErrors?.code} />
        <SubmitButton>Confirmer mes nouvelles coordonnées</SubmitButton>
      </form>
      <form action={cancel}>
        <SubmitButton variant="secondary">Annuler la modification</SubmitButton>
      </form>
    </div>
  );
}

export function EmergencyContactForm({ action }: { action: TAction }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <InputField id="name" name="name" label="Nom de la personne" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <InputField id="relationship" name="relationship" label="Lien avec vous" required hint="Conjoint, parent, ami…" defaultValue={state.values?.relationship} error={state.fieldErrors?.relationship} />
      <InputField id="contactPhone" name="contactPhone" type="tel" label="Téléphone de la personne" required defaultValue={state.values?.phone} error={state.fieldErrors?.contactPhone} />
      <SubmitButton variant="secondary">Ajouter la personne à prévenir</SubmitButton>
    </form>
  );
}
