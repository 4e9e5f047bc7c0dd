/** What a patient-portal server action returns to its form (useActionState). */
export type TFormState = {
  /** A message for the whole form (error unless `success`). */
  message?: string;
  success?: boolean;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values to put back in the fields after a failed submission (never passwords). */
  values?: Record<string, string>;
};

export const EMPTY_FORM_STATE: TFormState = {};
