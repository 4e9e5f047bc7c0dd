"use client";

import { useActionState } from "react";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

type TAction = (prev: TFormState, formData: FormData) => Promise<TFormState>;

/** The one-time code field ("Code à usage unique") and, optionally, a resend button. */
export function OtpForm({ action, resendAction, hint }: { action: TAction; resendAction?: (prev: TFormState) => Promise<TFormState>; hint: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const [resendState, resendFormAction] = useActionState(resendAction ?? (async () => EMPTY_FORM_STATE), EMPTY_FORM_STATE);
  return (
    <div className="flex max-w-md flex-col gap-6">
      <form action={formAction} className="flex flex-col gap-5" noValidate>
        <FormMessage state={state} />
        <InputField
          id="code"
          name="code"
          label="Code à usage unique"
          hint={hint}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          error={state.fieldErrors?.code}
        />
        <SubmitButton pendingLabel="Vérification…">Valider le code</SubmitButton>
      </form>
      {resendAction ? (
        <form action={resendFormAction} className="flex flex-col gap-3">
          <FormMessage state={resendState} />
          <SubmitButton variant="secondary" pendingLabel="Envoi…">
            Recevoir un nouveau code
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
