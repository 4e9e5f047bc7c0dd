"use client";

import { useActionState } from "react";
import { InputField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

export function CloseRecordForm({ action, phrase }: { action: (p: TFormState, f: FormData) => Promise<TFormState>; phrase: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <TextareaField id="reason" name="reason" label="Motif (facultatif)" rows={3} error={state.fieldErrors?.reason} />
      <InputField id="confirmation" name="confirmation" label="Confirmation" hint={`Pour confirmer, saisissez « ${phrase} ».`} required autoComplete="off" error={state.fieldErrors?.confirmation} />
      <SubmitButton variant="danger">Fermer mon DMP</SubmitButton>
    </form>
  );
}
