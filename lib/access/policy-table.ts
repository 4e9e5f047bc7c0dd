/**
 * The access policy as a literal table, shared by the unit test (pure functions) and the
 * integration test (Prisma filter on a real database). Each expectation string lists,
 * for the eight masking combinations of MASKS in order, whether the document is readable
 * ("Y") or not ("."). Written by hand from docs/DESIGN.md: it is the specification, not a copy
 * of the code.
 */
import type { TAccessContext } from "./access-context";

export const MASKS = [
  { name: "aucun", hiddenFromPros: false, hiddenFromPatient: false, hiddenFromLegalReps: false },
  { name: "MASQUE_PS", hiddenFromPros: true, hiddenFromPatient: false, hiddenFromLegalReps: false },
  { name: "INVISIBLE_PATIENT", hiddenFromPros: false, hiddenFromPatient: true, hiddenFromLegalReps: false },
  { name: "INVISIBLE_REPRESENTANTS_LEGAUX", hiddenFromPros: false, hiddenFromPatient: false, hiddenFromLegalReps: true },
  { name: "MASQUE_PS+INVISIBLE_PATIENT", hiddenFromPros: true, hiddenFromPatient: true, hiddenFromLegalReps: false },
  { name: "MASQUE_PS+INVISIBLE_REPRESENTANTS_LEGAUX", hiddenFromPros: true, hiddenFromPatient: false, hiddenFromLegalReps: true },
  { name: "INVISIBLE_PATIENT+INVISIBLE_REPRESENTANTS_LEGAUX", hiddenFromPros: false, hiddenFromPatient: true, hiddenFromLegalReps: true },
  { name: "tous", hiddenFromPros: true, hiddenFromPatient: true, hiddenFromLegalReps: true },
] as const;

export type TActorCase =
  | "patient"
  | "legalRepresentative"
  | "author"
  | "treatingDoctor"
  | "authorizedProfessional"
  | "careTeamMember"
  | "unauthorizedProfessional"
  | "blockedProfessional"
  | "samuRegulator"
  | "samuRegulatorOpposed"
  | "nonRegulatorClaimingSamu"
  | "breakGlass"
  | "breakGlassOpposed"
  | "staffClaimingBreakGlass"
  | "staffClaimingSamu";

export const ACTOR_CASES: readonly TActorCase[] = [
  "patient",
  "legalRepresentative",
  "author",
  "treatingDoctor",
  "authorizedProfessional",
  "careTeamMember",
  "unauthorizedProfessional",
  "blockedProfessional",
  "samuRegulator",
  "samuRegulatorOpposed",
  "nonRegulatorClaimingSamu",
  "breakGlass",
  "breakGlassOpposed",
  "staffClaimingBreakGlass",
  "staffClaimingSamu",
];

type TExpectation = {
  /** record open, matrix allows the type / denies it; record closed, allows / denies */
  openAllowed: string;
  openDenied: string;
  closedAllowed: string;
  closedDenied: string;
};

const NONE = "........";
const ALL = "YYYYYYYY";
/** Professionals who are not author nor treating doctor: everything but MASQUE_PS. */
const PRO_VISIBLE = "Y.YY..Y.";

export const EXPECTED: Record<TActorCase, TExpectation> = {
  // The patient reads a closed record too; the matrix does not apply to them.
  patient: { openAllowed: "YY.Y.Y..", openDenied: "YY.Y.Y..", closedAllowed: "YY.Y.Y..", closedDenied: "YY.Y.Y.." },
  legalRepresentative: { openAllowed: "YY......", openDenied: "YY......", closedAllowed: "YY......", closedDenied: "YY......" },
  // The author reads their own documents whatever the matrix and the masking.
  author: { openAllowed: ALL, openDenied: ALL, closedAllowed: NONE, closedDenied: NONE },
  treatingDoctor: { openAllowed: ALL, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  authorizedProfessional: { openAllowed: PRO_VISIBLE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  // Presumed in the care team (a colleague of the structure has the patient's agreement): as authorized.
  careTeamMember: { openAllowed: PRO_VISIBLE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  unauthorizedProfessional: { openAllowed: NONE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  blockedProfessional: { openAllowed: NONE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  samuRegulator: { openAllowed: PRO_VISIBLE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  samuRegulatorOpposed: { openAllowed: NONE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  nonRegulatorClaimingSamu: { openAllowed: NONE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  breakGlass: { openAllowed: PRO_VISIBLE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  breakGlassOpposed: { openAllowed: NONE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  // Establishment staff (profession null, e.g. a medical secretary) never pass an emergency
  // door, even with an emergency access row, a regulator flag or a context claiming the mode.
  staffClaimingBreakGlass: { openAllowed: NONE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
  staffClaimingSamu: { openAllowed: NONE, openDenied: NONE, closedAllowed: NONE, closedDenied: NONE },
};

export function expectedFor(actorCase: TActorCase, isOpen: boolean, isMatrixAllowed: boolean): string {
  const e = EXPECTED[actorCase];
  if (isOpen) return isMatrixAllowed ? e.openAllowed : e.openDenied;
  return isMatrixAllowed ? e.closedAllowed : e.closedDenied;
}

/**
 * The facts each case sets on top of a neutral context (used as-is by the unit test).
 * isSamuRegulator and isStaff (no profession: establishment staff) describe the actor.
 */
export const CASE_FACTS: Record<TActorCase, Partial<TAccessContext> & { isSamuRegulator?: boolean; isStaff?: boolean }> = {
  patient: {},
  legalRepresentative: { isRepresentative: true },
  author: { hasAuthorization: true },
  treatingDoctor: { isTreatingDoctor: true },
  authorizedProfessional: { hasAuthorization: true, authorizationMethod: "CONSENT" },
  careTeamMember: { hasAuthorization: true, authorizationMethod: "CARE_TEAM" },
  unauthorizedProfessional: {},
  blockedProfessional: { hasAuthorization: true, isBlocked: true },
  samuRegulator: { emergencyMode: "SAMU", isSamuRegulator: true },
  samuRegulatorOpposed: { emergencyMode: "SAMU", isSamuRegulator: true, samuAllowed: false },
  nonRegulatorClaimingSamu: { emergencyMode: "SAMU", isSamuRegulator: false },
  breakGlass: { emergencyMode: "BREAK_GLASS" },
  breakGlassOpposed: { emergencyMode: "BREAK_GLASS", breakGlassAllowed: false },
  staffClaimingBreakGlass: { emergencyMode: "BREAK_GLASS", isStaff: true },
  staffClaimingSamu: { emergencyMode: "SAMU", isSamuRegulator: true, isStaff: true },
};

/**
 * The rules beyond reading documents (lib/access/record-actions.ts), by actor case: the
 * rule each decision must name, record open / closed. Reimbursements are given with and
 * without the REMB row of the matrix for the professional's profession. The patient and
 * the legal representative have no professional actions (null).
 */
export type TRecordActionExpectation = {
  /** OTHER_PROFESSIONALS_TRACES and BLOCK_AT_PATIENT_REQUEST (same audience). */
  treatingDoctorActions: { open: string; closed: string } | null;
  /** REIMBURSEMENTS: [REMB row allows, REMB row refuses or is missing]. */
  reimbursements: { open: [string, string]; closed: [string, string] };
  /**
   * REIMBURSEMENTS once the statement document exists, record open: masked from professionals
   * (MASQUE_PS) [REMB row allows, refuses], and opposed by the patient (row allows). Unmasked,
   * the document gives the `reimbursements` rules above.
   */
  statementMasked: [string, string];
  statementOpposed: string;
  /** PATIENT_CHANGES: [a change, a change meant for a closed record too]; null for professionals. */
  ownRecordChanges?: { open: [string, string]; closed: [string, string] };
};

const PRO_REFUSED = (rule: string): TRecordActionExpectation => ({
  treatingDoctorActions: { open: rule, closed: "RECORD_CLOSED" },
  reimbursements: { open: [rule, rule], closed: ["RECORD_CLOSED", "RECORD_CLOSED"] },
  statementMasked: [rule, rule],
  statementOpposed: rule,
});

// The statement document has no professional author: nobody reads it as its author.
const PRO_ALLOWED = (rule: string): TRecordActionExpectation => ({
  treatingDoctorActions: { open: "TREATING_DOCTOR_ONLY", closed: "RECORD_CLOSED" },
  reimbursements: { open: [rule, "HABILITATION_DENIED"], closed: ["RECORD_CLOSED", "RECORD_CLOSED"] },
  statementMasked: ["MASKED_FROM_PROS", "HABILITATION_DENIED"],
  statementOpposed: "OPPOSED_BY_PATIENT",
});

export const RECORD_ACTION_EXPECTED: Record<TActorCase, TRecordActionExpectation> = {
  // The patient sees the reimbursements of a closed record too; the matrix is for professionals.
  // A closed record is read, not changed, except by the commands meant for it (reactivation).
  patient: {
    treatingDoctorActions: null,
    reimbursements: { open: ["PATIENT_OWN_RECORD", "PATIENT_OWN_RECORD"], closed: ["PATIENT_OWN_RECORD", "PATIENT_OWN_RECORD"] },
    // Their own masking and opposition are aimed at professionals.
    statementMasked: ["PATIENT_OWN_RECORD", "PATIENT_OWN_RECORD"],
    statementOpposed: "PATIENT_OWN_RECORD",
    ownRecordChanges: { open: ["PATIENT_OWN_RECORD", "PATIENT_OWN_RECORD"], closed: ["RECORD_CLOSED", "PATIENT_OWN_RECORD"] },
  },
  legalRepresentative: {
    treatingDoctorActions: null,
    reimbursements: { open: ["LEGAL_REPRESENTATIVE", "LEGAL_REPRESENTATIVE"], closed: ["LEGAL_REPRESENTATIVE", "LEGAL_REPRESENTATIVE"] },
    statementMasked: ["LEGAL_REPRESENTATIVE", "LEGAL_REPRESENTATIVE"],
    statementOpposed: "LEGAL_REPRESENTATIVE",
    ownRecordChanges: { open: ["LEGAL_REPRESENTATIVE", "LEGAL_REPRESENTATIVE"], closed: ["RECORD_CLOSED", "LEGAL_REPRESENTATIVE"] },
  },
  author: PRO_ALLOWED("CONSENT"),
  // Only the treating doctor reads the others' traces and blocks for the patient; the REMB row binds them too.
  treatingDoctor: {
    treatingDoctorActions: { open: "TREATING_DOCTOR", closed: "RECORD_CLOSED" },
    reimbursements: { open: ["TREATING_DOCTOR", "HABILITATION_DENIED"], closed: ["RECORD_CLOSED", "RECORD_CLOSED"] },
    // A masked statement stays visible to the treating doctor, as any masked document; opposition withdraws it from them too.
    statementMasked: ["TREATING_DOCTOR", "HABILITATION_DENIED"],
    statementOpposed: "OPPOSED_BY_PATIENT",
  },
  authorizedProfessional: PRO_ALLOWED("CONSENT"),
  careTeamMember: PRO_ALLOWED("CARE_TEAM"),
  unauthorizedProfessional: PRO_REFUSED("NOT_AUTHORIZED"),
  blockedProfessional: PRO_REFUSED("BLOCKED"),
  // An emergency door opens the record, not the treating doctor's extras.
  samuRegulator: PRO_ALLOWED("SAMU"),
  samuRegulatorOpposed: PRO_REFUSED("SAMU_OPPOSED"),
  nonRegulatorClaimingSamu: PRO_REFUSED("NOT_AUTHORIZED"),
  breakGlass: PRO_ALLOWED("BREAK_GLASS"),
  breakGlassOpposed: PRO_REFUSED("BREAK_GLASS_OPPOSED"),
  // No emergency mode through a door they may not use: as if none had been opened.
  staffClaimingBreakGlass: PRO_REFUSED("NOT_AUTHORIZED"),
  staffClaimingSamu: PRO_REFUSED("NOT_AUTHORIZED"),
};

/**
 * Traces of the record, for the OTHER_PROFESSIONALS_TRACES list rule: who left them. The
 * expectation strings below list, in this order, whether the asking professional sees each.
 */
export const TRACE_ROWS = [
  { name: "another professional's", actor: "author" },
  { name: "their own", actor: "self" },
  { name: "the patient's", actor: "patient" },
  { name: "another professional's on another record", actor: "author", otherRecord: true },
] as const;

/** Only the treating doctor, on an open record, sees the others' traces (not their own, not the patient's). */
export function expectedTracesFor(actorCase: TActorCase, isOpen: boolean): string {
  return actorCase === "treatingDoctor" && isOpen ? "Y..." : "....";
}

/**
 * TREATING_DOCTOR_DESIGNATION (treating-doctor-designation.ts): whom the patient may
 * designate as treating doctor — a doctor (profession 10), general practitioner or
 * specialist, not blocked by the patient. Who is proposed → the rule that decides.
 */
export const TREATING_DOCTOR_DESIGNATION_EXPECTED: readonly {
  who: string;
  kind: "HEALTH_PROFESSIONAL" | "STAFF";
  profession: string | null;
  specialty: string | null;
  isBlocked: boolean;
  rule: "DOCTOR" | "NOT_A_DOCTOR" | "BLOCKED";
}[] = [
  { who: "a general practitioner", kind: "HEALTH_PROFESSIONAL", profession: "10", specialty: "SM54", isBlocked: false, rule: "DOCTOR" },
  { who: "a specialist doctor (cardiologist)", kind: "HEALTH_PROFESSIONAL", profession: "10", specialty: "SM04", isBlocked: false, rule: "DOCTOR" },
  { who: "a doctor without a specialty", kind: "HEALTH_PROFESSIONAL", profession: "10", specialty: null, isBlocked: false, rule: "DOCTOR" },
  { who: "a nurse", kind: "HEALTH_PROFESSIONAL", profession: "60", specialty: null, isBlocked: false, rule: "NOT_A_DOCTOR" },
  { who: "a pharmacist", kind: "HEALTH_PROFESSIONAL", profession: "21", specialty: null, isBlocked: false, rule: "NOT_A_DOCTOR" },
  { who: "a dentist", kind: "HEALTH_PROFESSIONAL", profession: "40", specialty: null, isBlocked: false, rule: "NOT_A_DOCTOR" },
  { who: "a midwife", kind: "HEALTH_PROFESSIONAL", profession: "50", specialty: null, isBlocked: false, rule: "NOT_A_DOCTOR" },
  { who: "a medical secretary (establishment staff)", kind: "STAFF", profession: null, specialty: null, isBlocked: false, rule: "NOT_A_DOCTOR" },
  { who: "establishment staff carrying a doctor's code", kind: "STAFF", profession: "10", specialty: "SM54", isBlocked: false, rule: "NOT_A_DOCTOR" },
  { who: "a doctor the patient blocked", kind: "HEALTH_PROFESSIONAL", profession: "10", specialty: "SM54", isBlocked: true, rule: "BLOCKED" },
  { who: "a nurse the patient blocked", kind: "HEALTH_PROFESSIONAL", profession: "60", specialty: null, isBlocked: true, rule: "NOT_A_DOCTOR" },
];

/**
 * SAME_SANDBOX_NAMESPACE (sandbox-namespace.ts): a professional and a record of different
 * sandbox namespaces (null: the demo data) never meet, whatever else they share — here the
 * strongest facts, the treating doctor with the patient's consent. Each row: the
 * professional's namespace, the record's, and the decision canAccessRecord must name; the
 * SQL forms (loadAccessContext, findPatients) find no record where it says OTHER_SANDBOX_NAMESPACE.
 */
export const NAMESPACE_ROWS = [
  { professional: null, record: null, rule: "TREATING_DOCTOR" },
  { professional: "A", record: "A", rule: "TREATING_DOCTOR" },
  { professional: "A", record: "B", rule: "OTHER_SANDBOX_NAMESPACE" },
  { professional: "A", record: null, rule: "OTHER_SANDBOX_NAMESPACE" },
  { professional: null, record: "A", rule: "OTHER_SANDBOX_NAMESPACE" },
] as const;

/**
 * Patient rights of issue 17 (patient-rights.ts, feed-rules.ts): each row a situation and the
 * rule that must decide it. TOTP_DISABLE: sign-in age in minutes. RECTIFICATION_REQUEST: who
 * asks about which document (masking as in MASKS, author or not). RECTIFICATION_ANSWER: who
 * answers a request in which state. FEED_OPPOSITION: whom the patient opposed, who feeds.
 */
export const TOTP_DISABLE_EXPECTED = [
  { signedInMinutesAgo: 0, rule: "RECENT_SIGN_IN" },
  { signedInMinutesAgo: 4, rule: "RECENT_SIGN_IN" },
  { signedInMinutesAgo: 5, rule: "SIGN_IN_AGAIN" },
  { signedInMinutesAgo: 60, rule: "SIGN_IN_AGAIN" },
] as const;

export const RECTIFICATION_REQUEST_EXPECTED = [
  { who: "patient", mask: "aucun", hasAuthor: true, rule: "READER_OF_DOCUMENT" },
  { who: "patient", mask: "MASQUE_PS", hasAuthor: true, rule: "READER_OF_DOCUMENT" },
  { who: "patient", mask: "INVISIBLE_PATIENT", hasAuthor: true, rule: "NOT_READABLE" },
  { who: "patient", mask: "aucun", hasAuthor: false, rule: "NO_PROFESSIONAL_AUTHOR" },
  { who: "legalRepresentative", mask: "aucun", hasAuthor: true, rule: "READER_OF_DOCUMENT" },
  { who: "legalRepresentative", mask: "INVISIBLE_REPRESENTANTS_LEGAUX", hasAuthor: true, rule: "NOT_READABLE" },
  { who: "legalRepresentative", mask: "INVISIBLE_PATIENT", hasAuthor: false, rule: "NOT_READABLE" },
  { who: "author", mask: "aucun", hasAuthor: true, rule: "NOT_READABLE" },
] as const;

export const RECTIFICATION_ANSWER_EXPECTED = [
  { who: "addressee", status: "PENDING", rule: "ADDRESSEE" },
  { who: "addressee", status: "CORRECTED", rule: "ALREADY_ANSWERED" },
  { who: "addressee", status: "REFUSED", rule: "ALREADY_ANSWERED" },
  { who: "other professional", status: "PENDING", rule: "NOT_ADDRESSEE" },
] as const;

export const FEED_OPPOSITION_EXPECTED = [
  { opposed: "none", feeder: "author of structure S", rule: "NOT_OPPOSED" },
  { opposed: "professional P", feeder: "P, author", rule: "SOURCE_OPPOSED" },
  { opposed: "professional P", feeder: "staff submitting for P", rule: "SOURCE_OPPOSED" },
  { opposed: "professional P", feeder: "P, submitter for another author", rule: "SOURCE_OPPOSED" },
  { opposed: "professional P", feeder: "another professional of P's structure", rule: "NOT_OPPOSED" },
  { opposed: "structure S", feeder: "any professional of S", rule: "SOURCE_OPPOSED" },
  { opposed: "structure S", feeder: "a professional of another structure", rule: "NOT_OPPOSED" },
  { opposed: "professional P, withdrawn", feeder: "P, author", rule: "NOT_OPPOSED" },
] as const;

/**
 * HEALTH_PROFILE (health-profile.ts), by actor case. `read`: [PROFIL_MEDICAL row allows,
 * row refuses or is missing], record open / closed. `write`, record open and row allowed:
 * [a new allergy, a new measurement, changing a professional's entry, changing the patient
 * side's entry, contesting a professional's entry].
 */
export type THealthProfileExpectation = {
  read: { open: [string, string]; closed: [string, string] };
  write: [string, string, string, string, string];
};

const PROFILE_PATIENT_SIDE = (rule: string): THealthProfileExpectation => ({
  read: { open: [rule, rule], closed: [rule, rule] },
  write: [rule, rule, "WRITTEN_BY_PROFESSIONAL", rule, rule],
});

const PROFILE_PRO_ALLOWED = (rule: string): THealthProfileExpectation => ({
  read: { open: [rule, "HABILITATION_DENIED"], closed: ["RECORD_CLOSED", "RECORD_CLOSED"] },
  write: [rule, "PATIENT_SIDE_ONLY", rule, "WRITTEN_BY_PATIENT_SIDE", "PATIENT_SIDE_ONLY"],
});

const PROFILE_PRO_REFUSED = (rule: string): THealthProfileExpectation => ({
  read: { open: [rule, rule], closed: ["RECORD_CLOSED", "RECORD_CLOSED"] },
  write: [rule, rule, rule, rule, rule],
});

export const HEALTH_PROFILE_EXPECTED: Record<TActorCase, THealthProfileExpectation> = {
  patient: PROFILE_PATIENT_SIDE("PATIENT_OWN_RECORD"),
  legalRepresentative: PROFILE_PATIENT_SIDE("LEGAL_REPRESENTATIVE"),
  author: PROFILE_PRO_ALLOWED("CONSENT"),
  // The matrix binds the treating doctor too (as REMB).
  treatingDoctor: PROFILE_PRO_ALLOWED("TREATING_DOCTOR"),
  authorizedProfessional: PROFILE_PRO_ALLOWED("CONSENT"),
  careTeamMember: PROFILE_PRO_ALLOWED("CARE_TEAM"),
  unauthorizedProfessional: PROFILE_PRO_REFUSED("NOT_AUTHORIZED"),
  blockedProfessional: PROFILE_PRO_REFUSED("BLOCKED"),
  // The emergency doors open the profile: it is what the emergency summary shows.
  samuRegulator: PROFILE_PRO_ALLOWED("SAMU"),
  samuRegulatorOpposed: PROFILE_PRO_REFUSED("SAMU_OPPOSED"),
  nonRegulatorClaimingSamu: PROFILE_PRO_REFUSED("NOT_AUTHORIZED"),
  breakGlass: PROFILE_PRO_ALLOWED("BREAK_GLASS"),
  breakGlassOpposed: PROFILE_PRO_REFUSED("BREAK_GLASS_OPPOSED"),
  staffClaimingBreakGlass: PROFILE_PRO_REFUSED("NOT_AUTHORIZED"),
  staffClaimingSamu: PROFILE_PRO_REFUSED("NOT_AUTHORIZED"),
};

/**
 * Establishment roles (establishment-roles.ts, issue 16). Each row: who asks (their kind,
 * establishment role, whether they work in the establishment concerned, whether they are
 * the document's author) and the rule each of the three decisions must name.
 */
export const ESTABLISHMENT_ROLE_ROWS: readonly {
  who: string;
  kind: "HEALTH_PROFESSIONAL" | "STAFF";
  role: "ADMIN" | "ADMISSIONS" | null;
  sameStructure: boolean;
  isAuthor: boolean;
  catalogue: "ESTABLISHMENT_ADMIN" | "ESTABLISHMENT_ADMIN_ONLY";
  admissions: "ADMISSIONS_DESK" | "ADMISSIONS_ONLY";
  validation: "AUTHOR_VALIDATES" | "STAFF_CANNOT_VALIDATE" | "NOT_THE_AUTHOR" | "NOT_OF_STRUCTURE";
}[] = [
  { who: "the establishment's administrator (staff)", kind: "STAFF", role: "ADMIN", sameStructure: true, isAuthor: false, catalogue: "ESTABLISHMENT_ADMIN", admissions: "ADMISSIONS_ONLY", validation: "STAFF_CANNOT_VALIDATE" },
  { who: "another establishment's administrator", kind: "STAFF", role: "ADMIN", sameStructure: false, isAuthor: false, catalogue: "ESTABLISHMENT_ADMIN_ONLY", admissions: "ADMISSIONS_ONLY", validation: "NOT_OF_STRUCTURE" },
  { who: "an admissions clerk", kind: "STAFF", role: "ADMISSIONS", sameStructure: true, isAuthor: false, catalogue: "ESTABLISHMENT_ADMIN_ONLY", admissions: "ADMISSIONS_DESK", validation: "STAFF_CANNOT_VALIDATE" },
  { who: "another establishment's admissions clerk", kind: "STAFF", role: "ADMISSIONS", sameStructure: false, isAuthor: false, catalogue: "ESTABLISHMENT_ADMIN_ONLY", admissions: "ADMISSIONS_ONLY", validation: "NOT_OF_STRUCTURE" },
  { who: "a medical secretary who typed the draft", kind: "STAFF", role: null, sameStructure: true, isAuthor: false, catalogue: "ESTABLISHMENT_ADMIN_ONLY", admissions: "ADMISSIONS_ONLY", validation: "STAFF_CANNOT_VALIDATE" },
  { who: "the author, a doctor of the establishment", kind: "HEALTH_PROFESSIONAL", role: null, sameStructure: true, isAuthor: true, catalogue: "ESTABLISHMENT_ADMIN_ONLY", admissions: "ADMISSIONS_ONLY", validation: "AUTHOR_VALIDATES" },
  { who: "a colleague doctor of the establishment", kind: "HEALTH_PROFESSIONAL", role: null, sameStructure: true, isAuthor: false, catalogue: "ESTABLISHMENT_ADMIN_ONLY", admissions: "ADMISSIONS_ONLY", validation: "NOT_THE_AUTHOR" },
  { who: "a doctor who is also the establishment's administrator", kind: "HEALTH_PROFESSIONAL", role: "ADMIN", sameStructure: true, isAuthor: true, catalogue: "ESTABLISHMENT_ADMIN", admissions: "ADMISSIONS_ONLY", validation: "AUTHOR_VALIDATES" },
  { who: "the author, moved to another establishment", kind: "HEALTH_PROFESSIONAL", role: null, sameStructure: false, isAuthor: true, catalogue: "ESTABLISHMENT_ADMIN_ONLY", admissions: "ADMISSIONS_ONLY", validation: "NOT_OF_STRUCTURE" },
];
