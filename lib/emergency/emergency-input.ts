import { z } from "zod";

/**
 * At least two words of two letters or more. Written as a split and a bounded test per
 * word: its cost grows linearly with the text (a single backtracking pattern did not).
 */
export function hasTwoWords(text: string): boolean {
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (/\p{L}{2}/u.test(token) && ++words >= 2) return true;
  }
  return false;
}

/** A break-the-glass declaration: the two statements and a justification of at least a sentence. */
export const ZBreakGlassInput = z.object({
  immediateRisk: z.literal(true, {
    error: "Cochez la case : l'état du patient doit comporter un risque immédiat pour sa santé.",
  }),
  cannotConsent: z.literal(true, {
    error: "Cochez la case : le patient doit être hors d'état d'exprimer sa volonté.",
  }),
  justification: z
    .string({ error: "Saisissez la justification de l'accès en urgence." })
    .trim()
    .min(20, "La justification doit faire au moins une phrase (20 caractères minimum).")
    // The length is checked first and stops the validation: no pattern runs on a long text.
    .max(1000, { error: "La justification ne doit pas dépasser 1 000 caractères.", abort: true })
    .refine(hasTwoWords, "La justification doit être une phrase compréhensible."),
});

export type TBreakGlassInput = z.infer<typeof ZBreakGlassInput>;
