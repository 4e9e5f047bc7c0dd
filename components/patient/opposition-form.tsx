"use client";

import { useActionState } from "react";
import { TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

export function OppositionForm({ action, documentId }: { action: (p: TFormState, f: FormData) => Promise<TFormState>; documentId: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="documentId" value={documentId} />
      <TextareaField
        id="reason"
        name="reason"
        label="Motif de l'opposition"
        hint="Expliquez le motif légitime de votre opposition (10 caractères au moins). Il est conservé dans l'historique."
        required
        defaultValue={state.values?.reason}
        error={state.fieldErrors?.reason}
      />
      <SubmitButton variant="danger">Confirmer l&apos;opposition</SubmitButton>
    </form>
  );
}
