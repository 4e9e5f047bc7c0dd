"use client";

import { useActionState } from "react";
import { InputField, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

type TProps = {
  action: (p: TFormState, f: FormData) => Promise<TFormState>;
  types: { value: string; label: string }[];
  withFile: boolean;
  documentId?: string;
  initial?: { title: string; typeCode: string; serviceDate: string };
  submitLabel: string;
};

export function PersonalDocumentForm({ action, types, withFile, documentId, initial, submitLabel }: TProps) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const values = state.values ?? initial;
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      {documentId ? <input type="hidden" name="documentId" value={documentId} /> : null}
      {withFile ? (
        <InputField
          id="file"
          name="file"
          type="file"
          label="Fichier"
          accept="application/pdf,image/png,image/jpeg,text/plain,.pdf,.png,.jpg,.jpeg,.txt"
          hint="PDF, image (PNG, JPEG) ou texte (.txt), 10 Mo au maximum."
          required
          error={state.fieldErrors?.file}
        />
      ) : null}
      <InputField id="title" name="title" label="Titre" required maxLength={200} defaultValue={values?.title} error={state.fieldErrors?.title} key={`t-${values?.title}`} />
      <SelectField
        id="typeCode"
        name="typeCode"
        label="Type de document"
        required
        placeholder="Choisir un type"
        options={types}
        defaultValue={values?.typeCode ?? ""}
        error={state.fieldErrors?.typeCode}
        key={`y-${values?.typeCode}`}
      />
      <InputField
        id="serviceDate"
        name="serviceDate"
        type="date"
        label="Date du document"
        required
        defaultValue={values?.serviceDate}
        error={state.fieldErrors?.serviceDate}
        key={`d-${values?.serviceDate}`}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
