import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

/** A field's error: one message, several (zod's fieldErrors), or none. */
export type FieldError = string | readonly string[] | null | undefined;

function errorText(error: FieldError): string | undefined {
  if (!error) return undefined;
  const text = typeof error === "string" ? error : error.join(" ");
  return text.trim() === "" ? undefined : text;
}

export function hintId(id: string): string {
  return `${id}-aide`;
}

export function errorId(id: string): string {
  return `${id}-erreur`;
}

/**
 * The ARIA attributes of a control whose label, hint and error are rendered by <Field>
 * (or by <Fieldset> for a group): aria-describedby lists the hint then the error.
 */
export function fieldControlProps(id: string, { hint, error }: { hint?: ReactNode; error?: FieldError }) {
  const hasError = errorText(error) !== undefined;
  const describedBy = [hint ? hintId(id) : null, hasError ? errorId(id) : null].filter(Boolean).join(" ");
  return {
    id,
    "aria-describedby": describedBy === "" ? undefined : describedBy,
    "aria-invalid": hasError ? (true as const) : undefined,
  };
}

function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={hintId(id)} className="text-sm text-slate-700">
      {hint}
    </p>
  );
}

function FieldErrorMessage({ id, error }: { id: string; error?: FieldError }) {
  const text = errorText(error);
  if (!text) return null;
  return (
    <p id={errorId(id)} className="text-sm font-semibold text-red-700">
      <span className="sr-only">Erreur : </span>
      {text}
    </p>
  );
}

export type FieldProps = {
  /** The control's id: the label points to it, the hint and error ids derive from it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  /** Adds « (obligatoire) » to the label. Put `required` on the control as well. */
  required?: boolean;
  className?: string;
  /** The control; give it `{...fieldControlProps(id, { hint, error })}`. */
  children: ReactNode;
};

/** Label, hint, error message and a control, stacked. */
export function Field({ id, label, hint, error, required, className, children }: FieldProps) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="font-semibold text-slate-900">
        {label}
        {required ? <span className="font-normal text-slate-700"> (obligatoire)</span> : null}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldErrorMessage id={id} error={error} />
      {children}
    </div>
  );
}

// Borders: slate-600 on white is above 3:1 (non-text contrast); red-700 when invalid.
const CONTROL_CLASSES =
  "block w-full rounded-md border border-slate-600 bg-white px-3 py-2 text-base text-slate-900 " +
  "aria-invalid:border-2 aria-invalid:border-red-700 disabled:bg-slate-100 disabled:text-slate-700";

type FieldOwnProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  /** Class of the wrapper; `className` goes to the control. */
  fieldClassName?: string;
};

export type InputFieldProps = FieldOwnProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

export function InputField({ id, label, hint, error, fieldClassName, className, required, ...props }: InputFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <input
        className={cn(CONTROL_CLASSES, className)}
        required={required}
        {...fieldControlProps(id, { hint, error })}
        {...props}
      />
    </Field>
  );
}

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectFieldProps = FieldOwnProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
    options?: readonly SelectOption[];
    /** A first, empty option (e.g. « Choisir… »). */
    placeholder?: string;
  };

export function SelectField({
  id,
  label,
  hint,
  error,
  fieldClassName,
  className,
  required,
  options,
  placeholder,
  children,
  ...props
}: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <select
        className={cn(CONTROL_CLASSES, className)}
        required={required}
        {...fieldControlProps(id, { hint, error })}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </Field>
  );
}

export type TextareaFieldProps = FieldOwnProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

export function TextareaField({ id, label, hint, error, fieldClassName, className, required, rows = 4, ...props }: TextareaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <textarea
        className={cn(CONTROL_CLASSES, className)}
        required={required}
        rows={rows}
        {...fieldControlProps(id, { hint, error })}
        {...props}
      />
    </Field>
  );
}

export type FieldsetProps = {
  /** Used for the hint and error ids of the group. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

/** A group of radios or checkboxes with a legend; the group is described by its hint and error. */
export function Fieldset({ id, legend, hint, error, required, className, children }: FieldsetProps) {
  const { "aria-describedby": describedBy } = fieldControlProps(id, { hint, error });
  return (
    <fieldset id={id} aria-describedby={describedBy} className={cn("flex flex-col gap-2", className)}>
      <legend className="mb-1 font-semibold text-slate-900">
        {legend}
        {required ? <span className="font-normal text-slate-700"> (obligatoire)</span> : null}
      </legend>
      <FieldHint id={id} hint={hint} />
      <FieldErrorMessage id={id} error={error} />
      <div className="flex flex-col gap-2">{children}</div>
    </fieldset>
  );
}

export type ChoiceFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
  id: string;
  type: "radio" | "checkbox";
  label: ReactNode;
  hint?: ReactNode;
};

/** One radio button or checkbox with its label (and an optional hint) on its right. */
export function ChoiceField({ id, type, label, hint, className, ...props }: ChoiceFieldProps) {
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <input
        id={id}
        type={type}
        aria-describedby={hint ? hintId(id) : undefined}
        className="mt-1 size-5 shrink-0 accent-blue-800"
        {...props}
      />
      <div className="flex flex-col">
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
        <FieldHint id={id} hint={hint} />
      </div>
    </div>
  );
}
