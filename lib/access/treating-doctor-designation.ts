/** The rule's names, for tests and readers (same shape as the feed and operator rules). */
export const TREATING_DOCTOR_DESIGNATION_RULES = {
  DOCTOR: "Médecin (profession 10) que le patient n'a pas bloqué",
  NOT_A_DOCTOR: "Seul un médecin peut être désigné médecin traitant",
  BLOCKED: "Médecin bloqué par le patient",
} as const;

export type TTreatingDoctorDesignationDecision = { allowed: true; rule: "DOCTOR" } | { allowed: false; rule: "NOT_A_DOCTOR" | "BLOCKED" };

/** What the rule reads of the professional (their row) and of the patient's choices. */
export type TTreatingDoctorCandidate = {
  kind: "HEALTH_PROFESSIONAL" | "STAFF";
  /** TRE_G15 profession code; null for establishment staff. */
  profession: string | null;
  /** The patient blocked this professional. */
  isBlocked: boolean;
};

/** TRE_G15 « Médecin »: general practitioners and specialists alike. */
const DOCTOR_PROFESSION = "10";

/**
 * TREATING_DOCTOR_DESIGNATION: the patient (or a legal representative) designates as
 * treating doctor a doctor only — a health professional of profession 10, whatever the
 * specialty — and not one they blocked (unblock first). A nurse, a pharmacist, a dentist,
 * a midwife or establishment staff: NOT_A_DOCTOR.
 */
export function treatingDoctorDesignationDecision(candidate: TTreatingDoctorCandidate): TTreatingDoctorDesignationDecision {
  if (candidate.kind !== "HEALTH_PROFESSIONAL" || candidate.profession !== DOCTOR_PROFESSION) return { allowed: false, rule: "NOT_A_DOCTOR" };
  if (candidate.isBlocked) return { allowed: false, rule: "BLOCKED" };
  return { allowed: true, rule: "DOCTOR" };
}

/** The same rule as a yes/no, for the lists that offer the choice. */
export function mayBeDesignatedTreatingDoctor(candidate: TTreatingDoctorCandidate): boolean {
  return treatingDoctorDesignationDecision(candidate).allowed;
}
