import type { ReactNode } from "react";
import { cn } from "./cn";

export type CardProps = {
  title?: ReactNode;
  /** Level of the title heading (default 2). */
  headingLevel?: 2 | 3 | 4;
  description?: ReactNode;
  /** Actions or links shown at the bottom of the card. */
  footer?: ReactNode;
  children?: ReactNode;
  /** "section" for a titled region of a page, "article" for a self-contained item. */
  as?: "div" | "section" | "article";
  className?: string;
};

const HEADINGS = { 2: "h2", 3: "h3", 4: "h4" } as const;

/** A white box with an optional title, description and footer. */
export function Card({ title, headingLevel = 2, description, footer, children, as: Element = "div", className }: CardProps) {
  const Heading = HEADINGS[headingLevel];
  return (
    <Element className={cn("flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 shadow-sm", className)}>
      {title ? <Heading className="text-lg font-semibold text-slate-900">{title}</Heading> : null}
      {description ? <div className="text-slate-700">{description}</div> : null}
      {children}
      {footer ? <div className="mt-auto flex flex-wrap items-center gap-3 pt-2">{footer}</div> : null}
    </Element>
  );
}
