"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Text shown while the form's server action runs (default « Envoi en cours… »). */
  pendingLabel?: string;
};

/** A submit button that announces and blocks double submission while its form is pending. */
export function SubmitButton({ children, pendingLabel = "Envoi en cours…", disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={disabled || pending} aria-busy={pending || undefined} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
