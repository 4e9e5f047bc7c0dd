import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "warning" | "danger" | "success";

// Dark text on a pale background of the same hue: all above 7:1.
const TONE_CLASSES: Record<BadgeTone, string> = {
  neutral: "border-slate-400 bg-slate-100 text-slate-800",
  info: "border-blue-300 bg-blue-50 text-blue-900",
  warning: "border-amber-400 bg-amber-50 text-amber-900",
  danger: "border-red-300 bg-red-50 text-red-800",
  success: "border-green-400 bg-green-50 text-green-900",
};

export type BadgeProps = {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
};

/** A short status label. The text itself must carry the meaning, not only the colour. */
export function Badge({ tone = "neutral", children, className }: BadgeProps) {
  return (
    <span className={cn("inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-medium", TONE_CLASSES[tone], className)}>
      {children}
    </span>
  );
}
