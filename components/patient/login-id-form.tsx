"use client";

import { useActionState } from "react";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

export function LoginIdForm({ action }: { action: (prev: TFormState, formData: FormData) => Promise<TFormState> }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <InputField id="loginId" name="loginId" label="Identifiant" autoComplete="username" required error={state.fieldErrors?.loginId} />
      <SubmitButton>Recevoir un code</SubmitButton>
    </form>
  );
}
