"use client";

import { useActionState } from "react";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";
import { NewPasswordFields } from "./password-fields";

type TAction = (prev: TFormState, formData: FormData) => Promise<TFormState>;

export function ChangePasswordForm({ action, askCurrent, withCode }: { action: TAction; askCurrent?: boolean; withCode?: boolean }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-5" noValidate>
      <FormMessage state={state} />
      {withCode ? (
        <InputField
          id="code"
          name="code"
          label="Code à usage unique"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          error={state.fieldErrors?.code}
        />
      ) : null}
      {askCurrent ? (
        <InputField
          id="currentPassword"
          name="currentPassword"
          type="password"
          label="Mot de passe actuel"
          autoComplete="current-password"
          required
          error={state.fieldErrors?.currentPassword}
        />
      ) : null}
      <NewPasswordFields state={state} />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer le mot de passe</SubmitButton>
    </form>
  );
}
