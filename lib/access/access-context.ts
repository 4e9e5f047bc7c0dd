import type { TResolvedHabilitation } from "./habilitation";

/**
 * Everything the policy needs to know about one actor and one record, loaded once per
 * request by loadAccessContext (or written by hand in tests).
 */
export type TAccessContext = {
  patientId: string;
  recordStatus: "OPEN" | "CLOSED";
  breakGlassAllowed: boolean;
  samuAllowed: boolean;
  /** Professional actor only. */
  isTreatingDoctor: boolean;
  isBlocked: boolean;
  hasAuthorization: boolean;
  /** How that authorization was obtained: CARE_TEAM when presumed (a colleague of the structure has the patient's agreement). */
  authorizationMethod?: "CONSENT" | "CARE_TEAM" | "RECORD_CREATION" | null;
  /** An emergency access this professional opened on this record and that has not expired. */
  emergencyMode: "SAMU" | "BREAK_GLASS" | null;
  /** Legal representative actor only: a representation of this patient exists and is in force (the patient is under 18). */
  isRepresentative: boolean;
  habilitation: TResolvedHabilitation;
  /** The record's sandbox namespace (SAME_SANDBOX_NAMESPACE); null outside the sandbox's namespaces. */
  namespaceId: string | null;
};

/** The document fields the policy reads. */
export type TPolicyDocument = {
  patientId: string;
  typeCode: string;
  authorId: string | null;
  hiddenFromPros: boolean;
  hiddenFromPatient: boolean;
  hiddenFromLegalReps: boolean;
  opposedAt: Date | null;
};
