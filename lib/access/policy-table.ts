/**
 * The access policy as a literal table, shared by the unit test (pure functions) and the
 * integration test (Prisma filter on a real database). Each expectation string lists,
 * for the eight masking combinations of MASKS in order, whether the document is readable
 * ("Y") or not ("."). Written by hand from DESIGN.md: it is the specification, not a copy
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
  | "breakGlassOpposed";

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
};

export function expectedFor(actorCase: TActorCase, isOpen: boolean, isMatrixAllowed: boolean): string {
  const e = EXPECTED[actorCase];
  if (isOpen) return isMatrixAllowed ? e.openAllowed : e.openDenied;
  return isMatrixAllowed ? e.closedAllowed : e.closedDenied;
}

/** The facts each case sets on top of a neutral context (used as-is by the unit test). */
export const CASE_FACTS: Record<TActorCase, Partial<TAccessContext> & { isSamuRegulator?: boolean }> = {
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
};
