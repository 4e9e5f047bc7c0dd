import type { ReactNode } from "react";
import { cn } from "./cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const TONE_CLASSES: Record<AlertTone, string> = {
  info: "border-blue-700 bg-blue-50 text-blue-950",
  success: "border-green-700 bg-green-50 text-green-950",
  warning: "border-amber-600 bg-amber-50 text-amber-950",
  danger: "border-red-700 bg-red-50 text-red-950",
};

// Read before the message when there is no title, so colour is never the only cue.
const TONE_PREFIX: Record<AlertTone, string> = {
  info: "Information : ",
  success: "Succès : ",
  warning: "Attention : ",
  danger: "Erreur : ",
};

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/**
 * A message box. Errors (tone "danger") use role="alert" and are announced at once;
 * the other tones use role="status" and are announced politely.
 */
export function Alert({ tone = "info", title, children, className }: AlertProps) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("rounded-md border-l-4 px-4 py-3", TONE_CLASSES[tone], className)}
    >
      {title ? (
        <p className="font-semibold">{title}</p>
      ) : (
        <span className="sr-only">{TONE_PREFIX[tone]}</span>
      )}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
