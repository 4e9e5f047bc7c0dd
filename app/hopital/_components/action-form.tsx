"use client";

import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export type TActionState = { error?: string; done?: string };

type Props = {
  action: (state: TActionState, formData: FormData) => Promise<TActionState>;
  submitLabel: string;
  pendingLabel?: string;
  /** Names the form for assistive technologies when a page has several. */
  label?: string;
  children?: ReactNode;
  className?: string;
};

/** A form whose server action answers an error (French message, nothing changed) or a confirmation, shown above its fields. */
export function ActionForm({ action, submitLabel, pendingLabel, label, children, className }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} aria-label={label} className={className ?? "flex flex-col gap-4"}>
      {state.error ? <Alert tone="danger">{state.error}</Alert> : null}
      {state.done ? <Alert tone="success">{state.done}</Alert> : null}
      {children}
      <div>
        <SubmitButton pendingLabel={pendingLabel ?? "Envoi en cours…"}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
