import type { THospitalLetterResult } from "@/lib/feed/submit-hospital-letter";

export type TLetterFormState = {
  result?: THospitalLetterResult;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};
