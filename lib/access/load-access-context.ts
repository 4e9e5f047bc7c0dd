import { Prisma } from "@/lib/generated/prisma/client";
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
  nir: string;
  traceHead: string | null;
};

/** Which records: one by its id, or every record of a NIR (twins share one), in birth rank order. */
export type TRecordSelector = { patientId: string } | { nir: string };

/** A record's access context, with its NIR and, when asked, the head of its trace chain (the door's next link). */
export type TLoadedRecord = { ctx: TAccessContext; nir: string; traceHead: string | null };

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
  return (await loadAccessContexts(db, actor, { patientId }, now))[0]?.ctx ?? null;
}

/**
 * loadAccessContext for every record a selector designates, in the same statement (plus
 * the matrix rows); `withTraceHead` adds the head of each record's trace chain, so that the
 * door appends its RECORD_VIEW traces without reading the chains again (lib/record-door openRecords).
 */
export async function loadAccessContexts(db: Db, actor: TActor, selector: TRecordSelector, now: Date = platformNow(), options: { withTraceHead?: boolean } = {}): Promise<TLoadedRecord[]> {
  const professionalId = actor.kind === "PROFESSIONAL" ? actor.professionalId : null;
  const accountId = actor.kind === "LEGAL_REPRESENTATIVE" ? actor.accountId : null;
  const actorNamespace = namespaceOfActor(actor);
  const [facts, rows] = await Promise.all([
    db.$queryRaw<TRecordFacts[]>`
      SELECT p.id, p.nir, p.namespaceId, p.recordStatus, p.breakGlassAllowed, p.samuAllowed, p.treatingDoctorId,
        EXISTS (SELECT 1 FROM PatientBlock b WHERE b.patientId = p.id AND b.professionalId = ${professionalId}) AS isBlocked,
        (SELECT a.method FROM ProfessionalAuthorization a WHERE a.patientId = p.id AND a.professionalId = ${professionalId}) AS authorizationMethod,
        (SELECT e.mode FROM EmergencyAccess e
          WHERE e.patientId = p.id AND e.professionalId = ${professionalId} AND e.expiresAt > ${now}
          ORDER BY e.startedAt DESC LIMIT 1) AS emergencyMode,
        (p.birthDate > ${adulthoodCutoff(now)}
          AND EXISTS (SELECT 1 FROM LegalRepresentation r WHERE r.patientId = p.id AND r.accountId = ${accountId})) AS isRepresentative,
        ${options.withTraceHead ? Prisma.sql`(SELECT t.hash FROM Trace t WHERE t.patientId = p.id ORDER BY t.id DESC LIMIT 1)` : Prisma.sql`NULL`} AS traceHead
      FROM Patient p WHERE ${"nir" in selector ? Prisma.sql`p.nir = ${selector.nir}` : Prisma.sql`p.id = ${selector.patientId}`}
        -- SAME_SANDBOX_NAMESPACE: a professional's record of another namespace is unknown.
        AND (${professionalId} IS NULL OR p.namespaceId IS ${actorNamespace})
      ORDER BY p.birthRank ASC, p.id ASC`,
    actor.kind === "PROFESSIONAL" && actor.profession
      ? db.$queryRaw<THabilitationRow[]>`
          SELECT profession, specialty, typeCode, canRead FROM HabilitationRule
          WHERE profession = ${actor.profession} AND specialty IN ('*', ${actor.specialty ?? "*"})`
      : Promise.resolve([]),
  ]);
  const habilitation = actor.kind === "PROFESSIONAL" ? resolveHabilitation(rows, actor.profession, actor.specialty) : EMPTY_HABILITATION;
  return facts.map((record) => ({ ctx: contextOf(actor, record, habilitation), nir: record.nir, traceHead: record.traceHead }));
}

function contextOf(actor: TActor, record: TRecordFacts, habilitation: TResolvedHabilitation): TAccessContext {
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
    habilitation,
  };
}
