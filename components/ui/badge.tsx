import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "warning" | "danger" | "success";

export type BadgeProps = {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
};

/** A short status label. The text itself must carry the meaning, not only the colour. Styles: globals.css (.badge). */
export function Badge({ tone = "neutral", children, className }: BadgeProps) {
  return (
    <span className={cn("badge", `badge-${tone}`, className)}>
      {children}
    </span>
  );
}
