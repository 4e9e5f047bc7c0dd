import { z } from "zod";
import { frenchValidationMessage } from "@/lib/text/french-validation";

/** One zod issue as the sandbox answers it: where, and what is wrong, in French. */
export type TSandboxIssue = { path: string; message: string };

export type TParsed<T> = { ok: true; data: T } | { ok: false; issues: TSandboxIssue[] };


/** Validates a factory's input; on failure the issues in French (hand-written messages first), and nothing is written. */
export function parseSandboxInput<S extends z.ZodType>(schema: S, input: unknown): TParsed<z.output<S>> {
  const result = schema.safeParse(input, { error: frenchValidationMessage });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) };
}
