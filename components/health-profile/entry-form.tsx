"use client";

import { useActionState } from "react";
import { InputField, SelectField, TextareaField, ChoiceField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

/** One field of a health profile form (serializable: the server page describes it). */
export type TFieldSpec = {
  name: string;
  label: string;
  kind?: "text" | "date" | "decimal" | "select" | "textarea" | "checkbox";
  required?: boolean;
  hint?: string;
  options?: readonly { value: string; label: string }[];
  defaultValue?: string;
};

type TAction = (prev: TFormState, formData: FormData) => Promise<TFormState>;

/**
 * A form of the health profile: its fields, each with its own French error (zod's
 * fieldErrors), the values put back after a refusal. Used by both portals.
 */
export function EntryForm({
  action,
  idPrefix,
  fields,
  hidden = {},
  submitLabel,
  variant = "primary",
}: {
  action: TAction;
  idPrefix: string;
  fields: readonly TFieldSpec[];
  hidden?: Record<string, string>;
  submitLabel: string;
  variant?: ButtonVariant;
}) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const value = (f: TFieldSpec) => state.values?.[f.name] ?? f.defaultValue ?? "";
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {fields.map((f) => {
        const id = `${idPrefix}-${f.name}`;
        const common = { id, name: f.name, label: f.label, hint: f.hint, required: f.required, error: state.fieldErrors?.[f.name] };
        // key includes the value so a refused submission shows what was typed.
        const key = `${id}-${value(f)}`;
        switch (f.kind) {
          case "select":
            return <SelectField key={key} {...common} options={f.options} placeholder="Choisir…" defaultValue={value(f)} />;
          case "textarea":
            return <TextareaField key={key} {...common} rows={3} defaultValue={value(f)} />;
          case "checkbox":
            return <ChoiceField key={key} id={id} name={f.name} type="checkbox" label={f.label} hint={f.hint} value="true" defaultChecked={value(f) === "true"} />;
          case "date":
            return <InputField key={key} {...common} type="date" defaultValue={value(f)} />;
          case "decimal":
            return <InputField key={key} {...common} inputMode="decimal" defaultValue={value(f)} />;
          default:
            return <InputField key={key} {...common} defaultValue={value(f)} />;
        }
      })}
      <div>
        <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
