import type { AccessMode } from "@/lib/generated/prisma/enums";

/** Rules that grant access, named so traces and the UI can say which one applied. */
export const GRANT_RULES = {
  PATIENT_OWN_RECORD: "Titulaire du dossier",
  LEGAL_REPRESENTATIVE: "Représentant légal",
  TREATING_DOCTOR: "Médecin traitant",
  CONSENT: "Autorisation du patient",
  CARE_TEAM: "Équipe de soins",
  SAMU: "Régulation SAMU-Centre 15",
  BREAK_GLASS: "Bris de glace",
} as const;

/** Rules that refuse access, in the order docs/DESIGN.md checks them. */
export const DENY_RULES = {
  NOT_OWN_RECORD: "Dossier d'un autre patient",
  NOT_REPRESENTATIVE: "Pas représentant légal de ce patient",
  RECORD_CLOSED: "Dossier fermé",
  BLOCKED: "Professionnel bloqué par le patient",
  NOT_AUTHORIZED: "Aucune autorisation d'accès",
  SAMU_OPPOSED: "Le patient s'est opposé à l'accès du SAMU-Centre 15",
  BREAK_GLASS_OPPOSED: "Le patient s'est opposé à l'accès en bris de glace",
  EMERGENCY_HEALTH_PROFESSIONALS_ONLY: "Accès en urgence réservé aux professionnels de santé",
  OPPOSED_BY_PATIENT: "Document retiré par opposition du patient",
  HABILITATION_DENIED: "Type de document non autorisé par la matrice d'habilitations",
  MASKED_FROM_PROS: "Document masqué aux professionnels",
  HIDDEN_FROM_PATIENT: "Document invisible au patient",
  HIDDEN_FROM_LEGAL_REPS: "Document invisible aux représentants légaux",
  TREATING_DOCTOR_ONLY: "Réservé au médecin traitant du patient",
  OTHER_SANDBOX_NAMESPACE: "Dossier d'un autre espace du bac à sable",
  // HEALTH_PROFILE (health-profile.ts): who changes which entry of the profil médical.
  WRITTEN_BY_PROFESSIONAL: "Information écrite par un professionnel : le patient la commente ou la conteste",
  WRITTEN_BY_PATIENT_SIDE: "Information écrite par le patient ou son représentant légal",
  PATIENT_SIDE_ONLY: "Rubrique renseignée par le patient ou son représentant légal seulement",
} as const;

/**
 * What a professional is told when a record or a document is refused or unknown: one
 * sentence for a blocked professional, a closed record, an unknown patient and a forbidden
 * document, so the answer reveals nothing the patient did not choose to show.
 */
export const NEUTRAL_REFUSAL_MESSAGE = "Dossier ou document introuvable, ou accès non autorisé.";

export type TGrantRule = keyof typeof GRANT_RULES;
export type TDenyRule = keyof typeof DENY_RULES;

export type TAllowed = {
  allowed: true;
  rule: TGrantRule;
  mode: AccessMode;
  /** The habilitation matrix row that allowed a document read, or "auteur". */
  habilitation?: string;
};

export type TRefused = {
  allowed: false;
  rule: TDenyRule;
  habilitation?: string;
};

export type TDecision = TAllowed | TRefused;

/** A sentence for a trace: which rule decided, and which matrix row when there is one. */
export function describeDecision(decision: TDecision): string {
  const base = decision.allowed ? GRANT_RULES[decision.rule] : DENY_RULES[decision.rule];
  return decision.habilitation ? `${base} — ${decision.habilitation}` : base;
}
