import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger";
export type ButtonSize = "md" | "sm";

type ButtonStyleOptions = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

// White text on blue-800 / red-700 and blue-800 text on white all exceed 4.5:1.
const VARIANT_CLASSES: Record<ButtonVariant, string> = {
  primary: "border-blue-800 bg-blue-800 text-white hover:border-blue-900 hover:bg-blue-900",
  secondary: "border-blue-800 bg-white text-blue-800 hover:bg-blue-50",
  danger: "border-red-700 bg-red-700 text-white hover:border-red-800 hover:bg-red-800",
};

// md keeps a 44 px target; sm is for dense tables (still above the 24 px minimum).
const SIZE_CLASSES: Record<ButtonSize, string> = {
  md: "min-h-11 px-4 py-2 text-base",
  sm: "min-h-8 px-3 py-1 text-sm",
};

/** The classes of a button, for links and other elements that must look like one. */
export function buttonClasses({ variant = "primary", size = "md", className }: ButtonStyleOptions = {}): string {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md border-2 font-semibold no-underline transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    VARIANT_CLASSES[variant],
    SIZE_CLASSES[size],
    className,
  );
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/**
 * A real <button>. Its type is the HTML default ("submit" inside a form); pass
 * type="button" for buttons that only run client code.
 */
export function Button({ variant, size, className, ...props }: ButtonProps) {
  return <button className={buttonClasses({ variant, size, className })} {...props} />;
}
