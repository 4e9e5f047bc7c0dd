import { AppError } from "@/lib/errors/app-error";
import type { TActor } from "./actor";

/** The operator rule's names, for tests and readers (same shape as the feed rules). */
export const OPERATOR_RULES = {
  OPERATOR: "Opérateur de la plateforme",
  OPERATOR_ONLY: "Réservé à l'opérateur de la plateforme",
} as const;

export type TOperatorDecision = { allowed: true; rule: "OPERATOR" } | { allowed: false; rule: "OPERATOR_ONLY" };

/** Anyone who may ask: the operator flag is read from the professional's row at sign-in, never from input. */
export type TMaybeOperator = TActor & { isOperator?: boolean };

/**
 * OPERATOR_ONLY: the platform's administration (habilitation matrix, card opposition,
 * trace-chain integrity, national statistics, every structure's feed report) is for the
 * operator, a professional signed in with a card whose row carries the operator flag.
 * Patients, legal representatives and every other professional: OPERATOR_ONLY.
 */
export function operatorDecision(actor: TMaybeOperator | null | undefined): TOperatorDecision {
  return actor?.kind === "PROFESSIONAL" && actor.isOperator === true ? { allowed: true, rule: "OPERATOR" } : { allowed: false, rule: "OPERATOR_ONLY" };
}

/** For the lib functions of the operator area: FORBIDDEN unless operatorDecision allows. */
export function assertOperator(actor: TMaybeOperator | null | undefined): void {
  if (!operatorDecision(actor).allowed) throw new AppError("FORBIDDEN");
}
