import { z } from "zod";
import { fr } from "zod/locales";

/** One zod issue as the sandbox answers it: where, and what is wrong, in French. */
export type TSandboxIssue = { path: string; message: string };

export type TParsed<T> = { ok: true; data: T } | { ok: false; issues: TSandboxIssue[] };

// Per-parse French messages: the product's own schemas keep their hand-written ones.
const FRENCH = fr().localeError;

/** Validates a factory's input; on failure the issues in French, and nothing is written. */
export function parseSandboxInput<S extends z.ZodType>(schema: S, input: unknown): TParsed<z.output<S>> {
  const result = schema.safeParse(input, { error: FRENCH });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) };
}
