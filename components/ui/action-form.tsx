"use client";

import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "./submit-button";
import type { ButtonVariant } from "./button";
import { FormMessage } from "./form-message";
import { EMPTY_FORM_STATE, type TFormState } from "./form-state";

/**
 * The form of a server action, in every portal: its message (error, or confirmation when the
 * action does not redirect) above the fields, hidden `fields` posted as they are, one submit
 * button that blocks double submission.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  label,
  fields,
  variant,
  encType,
  className,
  children,
}: {
  action: (state: TFormState, form: FormData) => Promise<TFormState>;
  submitLabel: string;
  pendingLabel?: string;
  /** Names the form for assistive technologies when a page has several. */
  label?: string;
  fields?: Record<string, string>;
  variant?: ButtonVariant;
  encType?: "multipart/form-data";
  className?: string;
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} aria-label={label} encType={encType} className={className ?? "flex flex-col gap-4"}>
      <FormMessage state={state} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <SubmitButton variant={variant} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
