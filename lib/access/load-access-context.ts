import type { Db } from "@/lib/db/types";
import { namespaceOfActor } from "./sandbox-namespace";
import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { emergencyModeFor } from "./emergency-doors";
import { adulthoodCutoff } from "./representation";
import { resolveHabilitation, type THabilitationRow, type TResolvedHabilitation } from "./habilitation";
import { platformNow } from "@/lib/clock/clock";

const EMPTY_HABILITATION: TResolvedHabilitation = new Map();

type TRecordFacts = {
  id: string;
  namespaceId: string | null;
  recordStatus: TAccessContext["recordStatus"];
  breakGlassAllowed: boolean;
  samuAllowed: boolean;
  treatingDoctorId: string | null;
  isBlocked: number | bigint;
  authorizationMethod: "CONSENT" | "CARE_TEAM" | "RECORD_CREATION" | null;
  emergencyMode: "NORMAL" | "SAMU" | "BREAK_GLASS" | null;
  isRepresentative: number | bigint;
};

/**
 * Loads the facts the policy needs for one actor and one record. Returns null when the
 * record does not exist, which callers turn into the same "not found" as a refusal.
 * A representation counts only while the patient is a minor (isRepresentationInForce):
 * from their 18th birthday it ends by itself, with no job to run.
 * Every record access starts here, so it is one raw statement (plus the matrix rows for
 * a professional) instead of Prisma calls that each cost a query compilation; the
 * policy tables of document-where.integration.test.ts and emergency.test.ts run on it.
 */
export async function loadAccessContext(db: Db, actor: TActor, patientId: string, now: Date = platformNow()): Promise<TAccessContext | null> {
  const professionalId = actor.kind === "PROFESSIONAL" ? actor.professionalId : null;
  const accountId = actor.kind === "LEGAL_REPRESENTATIVE" ? actor.accountId : null;
  const actorNamespace = namespaceOfActor(actor);
  const [facts, rows] = await Promise.all([
    db.$queryRaw<TRecordFacts[]>`
      SELECT p.id, p.namespaceId, p.recordStatus, p.breakGlassAllowed, p.samuAllowed, p.treatingDoctorId,
        EXISTS (SELECT 1 FROM PatientBlock b WHERE b.patientId = p.id AND b.professionalId = ${professionalId}) AS isBlocked,
        (SELECT a.method FROM ProfessionalAuthorization a WHERE a.patientId = p.id AND a.professionalId = ${professionalId}) AS authorizationMethod,
        (SELECT e.mode FROM EmergencyAccess e
          WHERE e.patientId = p.id AND e.professionalId = ${professionalId} AND e.expiresAt > ${now}
          ORDER BY e.startedAt DESC LIMIT 1) AS emergencyMode,
        (p.birthDate > ${adulthoodCutoff(now)}
          AND EXISTS (SELECT 1 FROM LegalRepresentation r WHERE r.patientId = p.id AND r.accountId = ${accountId})) AS isRepresentative
      FROM Patient p WHERE p.id = ${patientId}
        -- SAME_SANDBOX_NAMESPACE: a professional's record of another namespace is unknown.
        AND (CAST(${professionalId} AS TEXT) IS NULL OR p.namespaceId IS NOT DISTINCT FROM ${actorNamespace})`,
    actor.kind === "PROFESSIONAL" && actor.profession
      ? db.$queryRaw<THabilitationRow[]>`
          SELECT profession, specialty, typeCode, canRead FROM HabilitationRule
          WHERE profession = ${actor.profession} AND specialty IN ('*', ${actor.specialty ?? "*"})`
      : Promise.resolve([]),
  ]);
  const record = facts[0];
  if (!record) return null;

  const base: TAccessContext = {
    patientId: record.id,
    recordStatus: record.recordStatus,
    breakGlassAllowed: record.breakGlassAllowed,
    samuAllowed: record.samuAllowed,
    isTreatingDoctor: false,
    isBlocked: false,
    hasAuthorization: false,
    emergencyMode: null,
    isRepresentative: false,
    habilitation: EMPTY_HABILITATION,
    namespaceId: record.namespaceId,
  };

  if (actor.kind === "PATIENT") return base;
  if (actor.kind === "LEGAL_REPRESENTATIVE") return { ...base, isRepresentative: Number(record.isRepresentative) === 1 };

  const mode = record.emergencyMode;
  return {
    ...base,
    isTreatingDoctor: record.treatingDoctorId === actor.professionalId,
    isBlocked: Number(record.isBlocked) === 1,
    hasAuthorization: record.authorizationMethod !== null,
    authorizationMethod: record.authorizationMethod,
    // Only through a door this professional may use (no emergency mode for establishment staff).
    emergencyMode: emergencyModeFor(actor, mode && mode !== "NORMAL" ? mode : null),
    habilitation: resolveHabilitation(rows, actor.profession, actor.specialty),
  };
}
