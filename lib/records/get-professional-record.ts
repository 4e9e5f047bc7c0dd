import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import type { TRecordIdentity } from "@/lib/access/load-access-context";
import { canBlockAtPatientRequest, canReadOtherProfessionalsTraces, canSeeReimbursements } from "@/lib/access/record-actions";
import { describeDecision } from "@/lib/access/decision";
import { findDocuments, type TDocumentPage } from "@/lib/documents/find-documents";
import type { TDocumentListItem } from "@/lib/documents/document-list-item";
import { mayReplaceDocument } from "@/lib/documents/replaceable-document";
import type { TDocumentFilters } from "@/lib/documents/document-filters";
import { openRecord, type TOpenedRecord } from "@/lib/record-door/open-record";
import { platformNow } from "@/lib/clock/clock";
import { canReadHealthProfile } from "@/lib/access/health-profile";
import { queryRows, executeSql } from "@/lib/db/raw-sql";

/*
 * The record as a professional reads it, one section per request (the page's tabs are
 * URLs): the record door (one statement for the access context and the identity, the
 * RECORD_VIEW trace), then ONE list statement for the section shown, paginated. Nothing
 * of the other sections is read: a page carries what its screen shows.
 */

/** The sections of the record page, in the order of its tabs. */
export const RECORD_SECTIONS = ["documents", "synthese", "profil", "equipe", "remboursements"] as const;
export type TRecordSection = (typeof RECORD_SECTIONS)[number];

/** Rows per page of every section. */
export const RECORD_PAGE_SIZE = 20;

export type TRecordHeader = {
  patient: { id: string } & Omit<TRecordIdentity, "reimbursementsLoadedAt">;
  access: {
    rule: string;
    mode: "NORMAL" | "SAMU" | "BREAK_GLASS";
    isTreatingDoctor: boolean;
    description: string;
    /** Rules OTHER_PROFESSIONALS_TRACES, BLOCK_AT_PATIENT_REQUEST and REIMBURSEMENTS, so the page offers only what will be allowed. */
    mayReadOtherProfessionalsTraces: boolean;
    mayBlockAtPatientRequest: boolean;
    maySeeReimbursements: boolean;
  };
};

export type TProfessionalRecord = TRecordHeader & {
  /** mayReplace: the portal offers « Remplacer » (canReplaceDocument, as the replacement decides). */
  documents: Omit<TDocumentPage, "items"> & { items: (TDocumentListItem & { mayReplace: boolean })[] };
};

export type TRecordSummary = {
  /** HEALTH_PROFILE: allergies and treatments are sections of the health profile (empty, not read, when refused). */
  isProfileAllowed: boolean;
  allergies: { id: string; substance: string; reaction: string | null; severity: string | null }[];
  treatments: { id: string; medication: string; dosage: string; startDate: string; endDate: string | null }[];
  emergencyContacts: { id: string; name: string; relationship: string; phone: string }[];
};

export type TCareTeamPage = {
  items: { professionalId: string; name: string; profession: string | null; specialty: string | null; isTreatingDoctor: boolean }[];
  total: number;
  page: number;
  pageCount: number;
};

export type TProfessionalRecordSection = TRecordHeader &
  (
    | { section: "synthese"; summary: TRecordSummary }
    | { section: "equipe"; careTeam: TCareTeamPage }
    // The health profile and the reimbursement statement are their own components, which ask
    // HEALTH_PROFILE and REIMBURSEMENTS themselves (and trace their reads).
    | { section: "profil" | "remboursements" }
  );

type TRequest = { ipAddress?: string | null; now?: Date };

function fullName(p: { title: string | null; firstName: string; lastName: string }): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(" ");
}

/** The identity and the access every page of the record shows, from the facts the record door already read. */
export function recordHeaderOf(actor: TProfessionalActor, { ctx, decision, identity }: Pick<TOpenedRecord, "ctx" | "decision" | "identity">): TRecordHeader {
  const { reimbursementsLoadedAt: _loadedAt, ...shown } = identity;
  return {
    patient: { id: ctx.patientId, ...shown },
    access: {
      rule: decision.rule,
      mode: decision.mode,
      isTreatingDoctor: ctx.isTreatingDoctor,
      description: describeDecision(decision),
      mayReadOtherProfessionalsTraces: canReadOtherProfessionalsTraces(actor, ctx).allowed,
      mayBlockAtPatientRequest: canBlockAtPatientRequest(actor, ctx).allowed,
      maySeeReimbursements: canSeeReimbursements(actor, ctx).allowed,
    },
  };
}

/**
 * The record door (RECORD_VIEW trace, refusals included, NOT_FOUND when refused), the
 * header every section shows, and the authorization's last access (what the patient's
 * care team list shows) when there is an authorization to date.
 */
async function openForReading(prisma: PrismaClient, actor: TProfessionalActor, patientId: string, request: TRequest) {
  const now = request.now ?? platformNow();
  const opened = await openRecord(prisma, actor, patientId, { ...request, now });
  const { ctx, reader } = opened;
  if (ctx.hasAuthorization) {
    await executeSql(prisma, Prisma.sql`UPDATE ProfessionalAuthorization SET lastAccessAt = ${now} WHERE patientId = ${ctx.patientId} AND professionalId = ${actor.professionalId}`);
  }
  const header = recordHeaderOf(actor, opened);
  // canReplaceDocument's facts about the reader, read with the access context.
  const replacer = reader ? { id: actor.professionalId, kind: reader.kind, profession: actor.profession, specialty: actor.specialty, structureId: reader.structureId } : null;
  return { ctx, header, replacer };
}

/**
 * The documents section (the default one): the documents the policy lets this
 * professional read, filtered, counted and paginated in one statement.
 */
export async function getProfessionalRecord(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  filters: TDocumentFilters,
  request: TRequest = {},
): Promise<TProfessionalRecord> {
  const { ctx, header, replacer } = await openForReading(prisma, actor, patientId, request);
  const documents = await findDocuments(prisma, actor, ctx, { ...filters, pageSize: Math.min(filters.pageSize, RECORD_PAGE_SIZE) });
  return { ...header, documents: { ...documents, items: documents.items.map((d) => ({ ...d, mayReplace: mayReplaceDocument(replacer, d) })) } };
}

/** Another section of the record: the summary, the care team or the reimbursements (REMB row). */
export async function getProfessionalRecordSection(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  section: Exclude<TRecordSection, "documents">,
  page: number,
  request: TRequest = {},
): Promise<TProfessionalRecordSection> {
  const { ctx, header } = await openForReading(prisma, actor, patientId, request);
  if (section === "synthese") return { ...header, section, summary: await findSummary(prisma, ctx, canReadHealthProfile(actor, ctx).allowed) };
  if (section === "equipe") return { ...header, section, careTeam: await findCareTeamPage(prisma, ctx, page) };
  return { ...header, section };
}

type TSummaryRow = { kind: "ALLERGY" | "TREATMENT" | "CONTACT"; id: string; a: string; b: string | null; c: string | null; d: string | null; e: Date | string | null };

/**
 * Allergies, treatments and persons to inform, in one statement (short lists, each edited in
 * place). Allergies and treatments are sections of the health profile: without HEALTH_PROFILE
 * (the matrix row PROFIL_MEDICAL) they are not even read.
 */
async function findSummary(prisma: PrismaClient, ctx: TAccessContext, isProfileAllowed: boolean): Promise<TRecordSummary> {
  const profile = isProfileAllowed
    ? Prisma.sql`SELECT 'ALLERGY' AS kind, id, substance AS a, reaction AS b, severity AS c, NULL AS d, CAST(NULL AS TIMESTAMP) AS e FROM Allergy WHERE patientId = ${ctx.patientId}
    UNION ALL SELECT 'TREATMENT', id, medication, dosage, startDate, endDate, CAST(NULL AS TIMESTAMP) FROM Treatment WHERE patientId = ${ctx.patientId}
    UNION ALL `
    : Prisma.empty;
  const rows = await queryRows<TSummaryRow>(prisma, Prisma.sql`
    ${profile}SELECT 'CONTACT' AS kind, id, name AS a, relationship AS b, phone AS c, NULL AS d, createdAt AS e FROM EmergencyContact WHERE patientId = ${ctx.patientId}`);
  const text = (v: string | null) => v ?? "";
  const time = (v: Date | string | null) => (v === null ? 0 : new Date(v).getTime());
  return {
    isProfileAllowed,
    allergies: rows
      .filter((r) => r.kind === "ALLERGY")
      .map((r) => ({ id: r.id, substance: r.a, reaction: r.b, severity: r.c }))
      .sort((x, y) => (x.substance < y.substance ? -1 : x.substance > y.substance ? 1 : 0)),
    // Ongoing treatments (no end date) first, then by end date; the latest started first.
    treatments: rows
      .filter((r) => r.kind === "TREATMENT")
      .map((r) => ({ id: r.id, medication: r.a, dosage: text(r.b), startDate: text(r.c), endDate: r.d }))
      .sort((x, y) => (x.endDate ?? "").localeCompare(y.endDate ?? "") || y.startDate.localeCompare(x.startDate)),
    emergencyContacts: rows
      .filter((r) => r.kind === "CONTACT")
      .map((r) => ({ id: r.id, name: r.a, relationship: text(r.b), phone: text(r.c), at: time(r.e) }))
      .sort((x, y) => x.at - y.at)
      .map(({ at: _at, ...c }) => c),
  };
}

type TCareTeamRow = {
  id: string;
  title: string | null;
  firstName: string;
  lastName: string;
  profession: string | null;
  specialty: string | null;
  isTreatingDoctor: number | bigint | boolean;
  total: number | bigint;
};

/** The treating doctor, then the authorized professionals in the order they were authorized: one page, counted in the same statement. */
async function findCareTeamPage(prisma: PrismaClient, ctx: TAccessContext, page: number): Promise<TCareTeamPage> {
  const rows = await queryRows<TCareTeamRow>(prisma, Prisma.sql`
    SELECT pr.id, pr.title, pr.firstName, pr.lastName, pr.profession, pr.specialty, t.isTreatingDoctor, COUNT(*) OVER () AS total
    FROM (
      SELECT p.treatingDoctorId AS professionalId, 1 AS isTreatingDoctor, NULL AS recordedAt FROM Patient p
        WHERE p.id = ${ctx.patientId} AND p.treatingDoctorId IS NOT NULL
      UNION ALL
      SELECT a.professionalId, 0, a.recordedAt FROM ProfessionalAuthorization a
        WHERE a.patientId = ${ctx.patientId}
          AND a.professionalId <> COALESCE((SELECT q.treatingDoctorId FROM Patient q WHERE q.id = ${ctx.patientId}), '')
    ) t JOIN Professional pr ON pr.id = t.professionalId
    ORDER BY t.isTreatingDoctor DESC, t.recordedAt ASC, pr.id ASC
    LIMIT ${RECORD_PAGE_SIZE} OFFSET ${(page - 1) * RECORD_PAGE_SIZE}`);
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.map((r) => ({
      professionalId: r.id,
      name: fullName(r),
      profession: r.profession,
      specialty: r.specialty,
      isTreatingDoctor: Number(r.isTreatingDoctor) === 1,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / RECORD_PAGE_SIZE)),
  };
}
