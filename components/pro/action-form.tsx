"use client";

import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";

export type TActionState = { error?: string; success?: string };

/**
 * A form bound to a server action that returns an error (or success) message in French.
 * On success the action usually redirects; otherwise its message is shown above the fields.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  variant,
  className,
  encType,
}: {
  action: (state: TActionState, form: FormData) => Promise<TActionState>;
  submitLabel: string;
  children?: ReactNode;
  variant?: ButtonVariant;
  className?: string;
  encType?: "multipart/form-data";
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={className ?? "flex flex-col gap-4"} encType={encType}>
      {state.error ? <Alert tone="danger">{state.error}</Alert> : null}
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
      {children}
      <div>
        <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
