import type { ReactNode } from "react";
import { cn } from "./cn";

export type PageHeaderProps = {
  /** The page's only <h1>. */
  title: ReactNode;
  /** A short line above the title (e.g. the portal's name). */
  eyebrow?: ReactNode;
  description?: ReactNode;
  /** Buttons or links aligned with the title. */
  actions?: ReactNode;
  className?: string;
};

export function PageHeader({ title, eyebrow, description, actions, className }: PageHeaderProps) {
  return (
    <div className={cn("mb-8 flex flex-col gap-4 border-b border-slate-300 pb-6 sm:flex-row sm:items-end sm:justify-between", className)}>
      {/* A name or title without a space (up to 200 characters) wraps anywhere instead of pushing the page sideways. */}
      <div className="flex min-w-0 flex-col gap-2 wrap-anywhere">
        {eyebrow ? <p className="text-sm font-semibold uppercase tracking-wide text-blue-800">{eyebrow}</p> : null}
        <h1 className="text-3xl font-bold text-slate-900">{title}</h1>
        {description ? <div className="max-w-3xl text-lg text-slate-700">{description}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-3">{actions}</div> : null}
    </div>
  );
}
