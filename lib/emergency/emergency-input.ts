import { z } from "zod";

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
    .max(1000, "La justification ne doit pas dépasser 1 000 caractères.")
    .refine((s) => /\p{L}{2,}.*\s+.*\p{L}{2,}/u.test(s), "La justification doit être une phrase compréhensible."),
});

export type TBreakGlassInput = z.infer<typeof ZBreakGlassInput>;
