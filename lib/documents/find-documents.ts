import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { documentSql } from "@/lib/access/document-sql";
import type { TDocumentFilters } from "./document-filters";
import { toDocumentListItem, type TDocumentListItem } from "./document-list-item";
import { queryRows } from "@/lib/db/raw-sql";

/*
 * The document lists (patient portal, professional record view, FHIR ITI-67) are the
 * hottest reads: they run as raw SQL with the policy's SQL form (lib/access/document-sql),
 * one statement for the page and its count, instead of Prisma calls whose query
 * compilation cost several milliseconds of CPU each.
 */

export type TDocumentPage = {
  items: TDocumentListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

type TListFilters = Omit<TDocumentFilters, "page" | "pageSize">;

/** LIKE pattern for "contains", with LIKE's own wildcards taken literally. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The policy, then the filters. A free-text author filter scales to records with hundreds
 * of authors (a list of them in the page did not): every word must be in the author's
 * first or last name.
 */
function whereSql(actor: TActor, ctx: TAccessContext, filters: TListFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [documentSql(actor, ctx), Prisma.sql`d.status = ${filters.status ?? "ACTIVE"}`];
  if (filters.typeCode) and.push(Prisma.sql`d.typeCode = ${filters.typeCode}`);
  if (filters.classCode) and.push(Prisma.sql`d.classCode = ${filters.classCode}`);
  if (filters.authorId) and.push(Prisma.sql`d.authorId = ${filters.authorId}`);
  if (filters.source) and.push(Prisma.sql`d.source = ${filters.source}`);
  if (filters.from) and.push(Prisma.sql`d.serviceDate >= ${new Date(`${filters.from}T00:00:00.000Z`)}`);
  if (filters.to) and.push(Prisma.sql`d.serviceDate <= ${new Date(`${filters.to}T23:59:59.999Z`)}`);
  for (const word of (filters.author ?? "").split(/\s+/).filter(Boolean).slice(0, 5)) {
    const pattern = containsPattern(word);
    and.push(
      Prisma.sql`EXISTS (SELECT 1 FROM Professional w WHERE w.id = d.authorId AND (LOWER(w.lastName) LIKE LOWER(${pattern}) ESCAPE '\\' OR LOWER(w.firstName) LIKE LOWER(${pattern}) ESCAPE '\\'))`,
    );
  }
  return Prisma.join(and, " AND ");
}

/** Newest first; the index Document(patientId, status, serviceDate, submittedAt, id) follows it. */
const NEWEST_FIRST = Prisma.sql`ORDER BY d.serviceDate DESC, d.submittedAt DESC, d.id DESC`;

type TRawRow = {
  id: string;
  uniqueId: string;
  typeCode: string;
  classCode: string;
  title: string;
  serviceDate: Date;
  submittedAt: Date;
  source: "PROFESSIONAL" | "PATIENT" | "HOSPITAL_FEED";
  status: "ACTIVE" | "REPLACED" | "ARCHIVED";
  confidentiality: "N" | "R" | "V";
  hiddenFromPros: boolean;
  hiddenFromPatient: boolean;
  hiddenFromLegalReps: boolean;
  opposedAt: Date | null;
  mediaType: string;
  size: number | bigint;
  sha1: string | null;
  authorId: string | null;
  authorAccountId: string | null;
  authorTitle: string | null;
  authorFirstName: string | null;
  authorLastName: string | null;
  authorProfession: string | null;
  authorSpecialty: string | null;
  authorIdNat: string | null;
  structureId: string | null;
  structureName: string | null;
  structureFiness: string | null;
  replacesUniqueId: string | null;
};

/** A list row in the shape the Prisma select used to give (author, structure, replaced version nested). */
export type TDocumentReferenceRow = ReturnType<typeof toReferenceRow>;

function toReferenceRow(r: TRawRow) {
  return {
    id: r.id,
    uniqueId: r.uniqueId,
    typeCode: r.typeCode,
    classCode: r.classCode,
    title: r.title,
    serviceDate: r.serviceDate,
    submittedAt: r.submittedAt,
    source: r.source,
    status: r.status,
    confidentiality: r.confidentiality,
    hiddenFromPros: r.hiddenFromPros,
    hiddenFromPatient: r.hiddenFromPatient,
    hiddenFromLegalReps: r.hiddenFromLegalReps,
    opposedAt: r.opposedAt,
    mediaType: r.mediaType,
    size: Number(r.size),
    sha1: r.sha1,
    authorId: r.authorId,
    authorAccountId: r.authorAccountId,
    structureId: r.structureId,
    author:
      r.authorId && r.authorLastName !== null
        ? {
            title: r.authorTitle,
            firstName: r.authorFirstName ?? "",
            lastName: r.authorLastName,
            profession: r.authorProfession,
            specialty: r.authorSpecialty,
            idNat: r.authorIdNat ?? "",
          }
        : null,
    structure: r.structureName !== null ? { name: r.structureName, finess: r.structureFiness } : null,
    replaces: r.replacesUniqueId !== null ? { uniqueId: r.replacesUniqueId } : null,
  };
}

async function selectRows(db: Db, where: Prisma.Sql, take: number, skip: number, withTotal = false): Promise<TDocumentReferenceRow[] & { total?: number }> {
  // The count rides along as an uncorrelated subquery (evaluated once by SQLite and
  // PostgreSQL alike): one statement for the page and its total. Its `d` is its own.
  const total = withTotal ? Prisma.sql`(SELECT COUNT(*) FROM Document d WHERE ${where})` : Prisma.sql`NULL`;
  const rows = await queryRows<TRawRow & { total: number | bigint | null }>(db, Prisma.sql`
    SELECT ${total} AS total, d.id, d.uniqueId, d.typeCode, d.classCode, d.title, d.serviceDate, d.submittedAt, d.source, d.status,
           d.confidentiality, d.hiddenFromPros, d.hiddenFromPatient, d.hiddenFromLegalReps, d.opposedAt, d.mediaType,
           d.size, d.sha1, d.authorId, d.authorAccountId, d.structureId,
           a.title AS authorTitle, a.firstName AS authorFirstName, a.lastName AS authorLastName,
           a.profession AS authorProfession, a.specialty AS authorSpecialty, a.idNat AS authorIdNat,
           s.name AS structureName, s.finess AS structureFiness, r.uniqueId AS replacesUniqueId
    FROM Document d
    LEFT JOIN Professional a ON a.id = d.authorId
    LEFT JOIN Structure s ON s.id = d.structureId
    LEFT JOIN Document r ON r.id = d.replacesId
    WHERE ${where}
    ${NEWEST_FIRST}
    LIMIT ${take} OFFSET ${skip}`);
  const out: TDocumentReferenceRow[] & { total?: number } = rows.map(toReferenceRow);
  if (withTotal && rows[0]) out.total = Number(rows[0].total ?? 0);
  return out;
}

/**
 * One page of the documents this actor may see on this record, newest first. The policy
 * is part of the query, so hidden documents are neither returned nor counted.
 */
export async function findDocuments(db: Db, actor: TActor, ctx: TAccessContext, filters: TDocumentFilters): Promise<TDocumentPage> {
  const where = whereSql(actor, ctx, filters);
  const rows = await selectRows(db, where, filters.pageSize, (filters.page - 1) * filters.pageSize, true);
  // A page past the end has no row to carry the total: count apart (rare, never the first page).
  const total =
    rows.total ??
    (filters.page === 1 ? 0 : Number((await queryRows<{ total: number | bigint }>(db, Prisma.sql`SELECT COUNT(*) AS total FROM Document d WHERE ${where}`))[0]?.total ?? 0));
  return {
    items: rows.map(toDocumentListItem),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
  };
}

/**
 * The first `take` documents this actor may see, newest first, with what FHIR needs, in
 * one query and without counting (an ITI-67 search returns no total beyond its page).
 */
export async function findDocumentReferenceRows(db: Db, actor: TActor, ctx: TAccessContext, filters: TListFilters, take: number): Promise<TDocumentReferenceRow[]> {
  return selectRows(db, whereSql(actor, ctx, filters), take, 0);
}
