import type { TParsed } from "@/lib/sandbox/parse-input";

/** A factory input the test expects valid: its parsed value, or the test stops with the French issues. */
export function parsed<T>(result: TParsed<T>): T {
  if (!result.ok) throw new Error(`entrée refusée : ${JSON.stringify(result.issues)}`);
  return result.data;
}
