import type { TActor, TProfessionalActor } from "./actor";
import type { TAccessContext, TPolicyDocument } from "./access-context";
import { canRead } from "./policy";

/**
 * The patient's rights of issue 17 that are not document reads: disabling the
 * authenticator sign-in, asking for and answering a rectification. Same `{ allowed, rule }`
 * shape as the other rules; rows in policy-table.ts (PATIENT_RIGHTS_EXPECTED), test in
 * patient-rights.test.ts. The postal copy is handled under OPERATOR_ONLY, the feed
 * opposition's effect is FEED_OPPOSITION in feed-rules.ts.
 */
export const PATIENT_RIGHTS_RULES = {
  RECENT_SIGN_IN: "Connexion récente",
  SIGN_IN_AGAIN: "Reconnectez-vous pour confirmer qu'il s'agit bien de vous",
  READER_OF_DOCUMENT: "Document lisible par le demandeur",
  NOT_READABLE: "Document introuvable",
  NO_PROFESSIONAL_AUTHOR: "Document sans professionnel auteur",
  ADDRESSEE: "Professionnel à qui la demande est adressée",
  NOT_ADDRESSEE: "Demande adressée à un autre professionnel",
  ALREADY_ANSWERED: "Demande déjà traitée",
} as const;

export type TPatientRightsRule = keyof typeof PATIENT_RIGHTS_RULES;
type TRightsDecision<A extends TPatientRightsRule, D extends TPatientRightsRule> = { allowed: true; rule: A } | { allowed: false; rule: D };

/** A fresh sign-in is one less than 5 minutes old (the password and a code given again). */
export const RECENT_SIGN_IN_MS = 5 * 60 * 1000;

/**
 * TOTP_DISABLE: turning off the authenticator sign-in (the strongest factor) needs a fresh
 * sign-in, so a session left open on a shared computer cannot do it: SIGN_IN_AGAIN.
 */
export function totpDisableDecision(authAt: number, now: Date): TRightsDecision<"RECENT_SIGN_IN", "SIGN_IN_AGAIN"> {
  const age = now.getTime() - authAt;
  return age >= 0 && age < RECENT_SIGN_IN_MS ? { allowed: true, rule: "RECENT_SIGN_IN" } : { allowed: false, rule: "SIGN_IN_AGAIN" };
}

/**
 * RECTIFICATION_REQUEST: the patient or a legal representative asks the author of a
 * document they may read (canRead itself: a document hidden from them is NOT_READABLE, told
 * as an unknown one) to rectify it; a document without a professional author (personal
 * space) has nobody to ask: NO_PROFESSIONAL_AUTHOR. Professionals do not ask.
 */
export function rectificationRequestDecision(
  actor: TActor,
  doc: TPolicyDocument,
  ctx: TAccessContext,
): TRightsDecision<"READER_OF_DOCUMENT", "NOT_READABLE" | "NO_PROFESSIONAL_AUTHOR"> {
  if (actor.kind === "PROFESSIONAL" || !canRead(actor, doc, ctx).allowed) return { allowed: false, rule: "NOT_READABLE" };
  if (!doc.authorId) return { allowed: false, rule: "NO_PROFESSIONAL_AUTHOR" };
  return { allowed: true, rule: "READER_OF_DOCUMENT" };
}

/**
 * RECTIFICATION_ANSWER: only the professional the request was addressed to answers it,
 * once. Anyone else: NOT_ADDRESSEE (told as an unknown request).
 */
export function rectificationAnswerDecision(
  actor: TProfessionalActor,
  request: { authorId: string; status: string },
): TRightsDecision<"ADDRESSEE", "NOT_ADDRESSEE" | "ALREADY_ANSWERED"> {
  if (actor.professionalId !== request.authorId) return { allowed: false, rule: "NOT_ADDRESSEE" };
  if (request.status !== "PENDING") return { allowed: false, rule: "ALREADY_ANSWERED" };
  return { allowed: true, rule: "ADDRESSEE" };
}
