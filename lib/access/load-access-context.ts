import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { namespaceOfActor, sameNamespaceSql } from "./sandbox-namespace";
import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { emergencyModeFor } from "./emergency-doors";
import { adulthoodCutoff } from "./representation";
import { resolveHabilitation, type THabilitationRow, type TResolvedHabilitation } from "./habilitation";
import { platformNow } from "@/lib/clock/clock";
import { queryRows } from "@/lib/db/raw-sql";

const EMPTY_HABILITATION: TResolvedHabilitation = new Map();

type TRecordFacts = {
  id: string;
  namespaceId: string | null;
  recordStatus: TAccessContext["recordStatus"];
  breakGlassAllowed: boolean | number;
  samuAllowed: boolean | number;
  treatingDoctorId: string | null;
  isBlocked: number | bigint;
  authorizationMethod: "CONSENT" | "CARE_TEAM" | "RECORD_CREATION" | null;
  emergencyMode: "NORMAL" | "SAMU" | "BREAK_GLASS" | null;
  isRepresentative: number | bigint;
  nir: string;
};

/** Which records: one by its id, or every record of a NIR (twins share one), in birth rank order. */
export type TRecordSelector = { patientId: string } | { nir: string };

/** A record's access context, with its NIR. */
export type TLoadedRecord = { ctx: TAccessContext; nir: string };

/** Who the record is of, read by the same statement as the facts (the record pages show it). */
export type TRecordIdentity = {
  firstName: string;
  lastName: string;
  birthName: string | null;
  birthDate: string;
  birthRank: number;
  sex: "M" | "F";
  nir: string;
  recordOpenedAt: Date;
  reimbursementsLoadedAt: Date | null;
};

type TFactsRow = TRecordFacts &
  Omit<TRecordIdentity, "birthRank" | "recordOpenedAt" | "reimbursementsLoadedAt"> & {
    birthRank: number | bigint;
    recordOpenedAt: Date | string;
    reimbursementsLoadedAt: Date | string | null;
    hProfession: string | null;
    hSpecialty: string | null;
    hTypeCode: string | null;
    hCanRead: boolean | number | bigint | null;
    readerKind: "HEALTH_PROFESSIONAL" | "STAFF" | null;
    readerStructureId: string | null;
  };

/** The professional actor's own row facts the record pages need (who may replace a document). */
export type TReaderFacts = { kind: "HEALTH_PROFESSIONAL" | "STAFF"; structureId: string | null };

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

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
  return (await loadRecordFacts(db, actor, patientId, now))?.ctx ?? null;
}

/**
 * The access context and the record's identity in ONE statement: every record access
 * starts here, so the facts are read once (a materialized CTE, so its subqueries run once)
 * and joined with the professional's habilitation matrix rows (one row per matrix row;
 * one row of NULLs when there is none), instead of Prisma calls that each cost a query
 * compilation. The policy tables of document-where.integration.test.ts and
 * emergency.test.ts run on it.
 */
export async function loadRecordFacts(
  db: Db,
  actor: TActor,
  patientId: string,
  now: Date = platformNow(),
): Promise<{ ctx: TAccessContext; identity: TRecordIdentity; reader: TReaderFacts | null } | null> {
  const professionalId = actor.kind === "PROFESSIONAL" ? actor.professionalId : null;
  const profession = actor.kind === "PROFESSIONAL" ? actor.profession : null;
  const specialty = actor.kind === "PROFESSIONAL" ? (actor.specialty ?? "*") : "*";
  const rows = await queryRows<TFactsRow>(db, Prisma.sql`
    WITH f AS MATERIALIZED (
      SELECT p.id, p.namespaceId, p.recordStatus, p.breakGlassAllowed, p.samuAllowed, p.treatingDoctorId,
        p.firstName, p.lastName, p.birthName, p.birthDate, p.birthRank, p.sex, p.nir, p.recordOpenedAt, p.reimbursementsLoadedAt,
        ${actorFacts(actor, now)}
      FROM Patient p WHERE p.id = ${patientId} AND ${sameNamespace(actor)}
    )
    SELECT f.*, me.kind AS readerKind, me.structureId AS readerStructureId,
      h.profession AS hProfession, h.specialty AS hSpecialty, h.typeCode AS hTypeCode, h.canRead AS hCanRead
    FROM f LEFT JOIN Professional me ON me.id = ${professionalId}
      LEFT JOIN HabilitationRule h ON h.profession = ${profession} AND h.specialty IN ('*', ${specialty})`);
  const record = rows[0];
  if (!record) return null;
  const identity: TRecordIdentity = {
    firstName: record.firstName,
    lastName: record.lastName,
    birthName: record.birthName,
    birthDate: record.birthDate,
    birthRank: Number(record.birthRank),
    sex: record.sex,
    nir: record.nir,
    recordOpenedAt: asDate(record.recordOpenedAt),
    reimbursementsLoadedAt: record.reimbursementsLoadedAt === null ? null : asDate(record.reimbursementsLoadedAt),
  };
  const habilitationRows: THabilitationRow[] = [];
  for (const r of rows) {
    if (r.hProfession === null || r.hSpecialty === null || r.hTypeCode === null) continue;
    habilitationRows.push({ profession: r.hProfession, specialty: r.hSpecialty, typeCode: r.hTypeCode, canRead: Boolean(Number(r.hCanRead)) });
  }
  const reader = record.readerKind === null ? null : { kind: record.readerKind, structureId: record.readerStructureId };
  const habilitation = actor.kind === "PROFESSIONAL" ? resolveHabilitation(habilitationRows, actor.profession, actor.specialty) : EMPTY_HABILITATION;
  return { ctx: contextOf(actor, record, habilitation), identity, reader };
}

/**
 * loadAccessContext for every record a selector designates, in the same statement (plus
 * the matrix rows).
 */
export async function loadAccessContexts(db: Db, actor: TActor, selector: TRecordSelector, now: Date = platformNow()): Promise<TLoadedRecord[]> {
  const [facts, rows] = await Promise.all([
    queryRows<TRecordFacts>(db, Prisma.sql`
      SELECT p.id, p.nir, p.namespaceId, p.recordStatus, p.breakGlassAllowed, p.samuAllowed, p.treatingDoctorId,
        ${actorFacts(actor, now)}
      FROM Patient p WHERE ${"nir" in selector ? Prisma.sql`p.nir = ${selector.nir}` : Prisma.sql`p.id = ${selector.patientId}`}
        AND ${sameNamespace(actor)}
      ORDER BY p.birthRank ASC, p.id ASC`),
    actor.kind === "PROFESSIONAL" && actor.profession
      ? queryRows<THabilitationRow>(db, Prisma.sql`
          SELECT profession, specialty, typeCode, canRead FROM HabilitationRule
          WHERE profession = ${actor.profession} AND specialty IN ('*', ${actor.specialty ?? "*"})`)
      : Promise.resolve([]),
  ]);
  const habilitation = actor.kind === "PROFESSIONAL" ? resolveHabilitation(rows, actor.profession, actor.specialty) : EMPTY_HABILITATION;
  return facts.map((record) => ({ ctx: contextOf(actor, record, habilitation), nir: record.nir }));
}

/**
 * The actor's facts on a record `p`, as columns: the one SQL both record doors share
 * (one record by id, every record of a NIR), so the policy reads the same facts either way.
 */
function actorFacts(actor: TActor, now: Date): Prisma.Sql {
  const professionalId = actor.kind === "PROFESSIONAL" ? actor.professionalId : null;
  const accountId = actor.kind === "LEGAL_REPRESENTATIVE" ? actor.accountId : null;
  return Prisma.sql`EXISTS (SELECT 1 FROM PatientBlock b WHERE b.patientId = p.id AND b.professionalId = ${professionalId}) AS isBlocked,
        (SELECT a.method FROM ProfessionalAuthorization a WHERE a.patientId = p.id AND a.professionalId = ${professionalId}) AS authorizationMethod,
        (SELECT e.mode FROM EmergencyAccess e
          WHERE e.patientId = p.id AND e.professionalId = ${professionalId} AND e.expiresAt > ${now}
          ORDER BY e.startedAt DESC LIMIT 1) AS emergencyMode,
        (p.birthDate > ${adulthoodCutoff(now)}
          AND EXISTS (SELECT 1 FROM LegalRepresentation r WHERE r.patientId = p.id AND r.accountId = ${accountId})) AS isRepresentative`;
}

/** SAME_SANDBOX_NAMESPACE in SQL: a professional's record of another namespace is unknown. */
function sameNamespace(actor: TActor): Prisma.Sql {
  const professionalId = actor.kind === "PROFESSIONAL" ? actor.professionalId : null;
  return Prisma.sql`(CAST(${professionalId} AS TEXT) IS NULL OR ${sameNamespaceSql(Prisma.sql`p.namespaceId`, namespaceOfActor(actor))})`;
}

function contextOf(actor: TActor, record: TRecordFacts, habilitation: TResolvedHabilitation): TAccessContext {
  const base: TAccessContext = {
    patientId: record.id,
    recordStatus: record.recordStatus,
    // Raw rows (through a CTE in loadRecordFacts) may carry booleans as 0/1.
    breakGlassAllowed: Boolean(Number(record.breakGlassAllowed)),
    samuAllowed: Boolean(Number(record.samuAllowed)),
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
