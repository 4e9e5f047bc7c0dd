import { z } from "zod";

const amount = (max: number) => z.number().int().min(0).max(max).optional();

/**
 * POST /api/sandbox/horloge: either move forward by a duration ({"avancer": {"jours": 1,
 * "heures": 2, "minutes": 1, "secondes": 0}}, at least one second, 100 years at most per
 * call), or go back to real time ({"remettreAZero": true}). Time never moves back otherwise.
 */
export const clockInputSchema = z
  .object({
    avancer: z
      .object({ annees: amount(100), jours: amount(36_600), heures: amount(876_000), minutes: amount(52_560_000), secondes: amount(3_153_600_000) })
      .strict()
      .refine((d) => durationMs(d) >= 1000, { message: "Avancez l'horloge d'une seconde au moins." })
      .refine((d) => durationMs(d) <= 100 * YEAR_MS, { message: "Avancez l'horloge de 100 ans au plus par appel." })
      .optional(),
    remettreAZero: z.literal(true, { message: "remettreAZero vaut true." }).optional(),
  })
  .strict()
  .refine((input) => (input.avancer === undefined) !== (input.remettreAZero === undefined), {
    message: "Indiquez soit « avancer » (une durée), soit « remettreAZero »: true.",
  })
  .transform((input) => (input.avancer ? { kind: "ADVANCE" as const, byMs: durationMs(input.avancer) } : { kind: "RESET" as const }));

export type TClockInput = z.output<typeof clockInputSchema>;

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** A year counts 365 days: advance by "jours" when a calendar date matters. */
function durationMs(d: { annees?: number; jours?: number; heures?: number; minutes?: number; secondes?: number }): number {
  return (d.annees ?? 0) * YEAR_MS + ((d.jours ?? 0) * 86_400 + (d.heures ?? 0) * 3600 + (d.minutes ?? 0) * 60 + (d.secondes ?? 0)) * 1000;
}
