"use client";

import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { FormMessage } from "./form-message";
import { EMPTY_FORM_STATE, type TFormState } from "./form-state";

type TAction = (prev: TFormState, formData: FormData) => Promise<TFormState>;

/** A one-button form posting hidden fields to a server action, showing its message. */
export function ActionForm({
  action,
  fields,
  label,
  variant = "primary",
  children,
  className,
}: {
  action: TAction;
  fields: Record<string, string>;
  label: string;
  variant?: ButtonVariant;
  children?: ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className={className ?? "flex flex-col items-start gap-3"}>
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}
