/**
 * What every server action returns to its form (useActionState), in the three portals: one
 * shape, read by FormMessage and the field components.
 */
export type TFormState = {
  /** A message for the whole form (an error unless `success`). */
  message?: string;
  success?: boolean;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values to put back in the fields after a failed submission (never passwords). */
  values?: Record<string, string>;
};

export const EMPTY_FORM_STATE: TFormState = {};
