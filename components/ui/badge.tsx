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

/** Badges side by side, wrapping onto the next line when they do not fit. */
export function BadgeGroup({ badges }: { badges: readonly { badge: string; tone: BadgeTone }[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <Badge key={b.badge} tone={b.tone}>
          {b.badge}
        </Badge>
      ))}
    </span>
  );
}
