import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { documentWhere } from "@/lib/access/document-where";
import type { TDocumentFilters } from "./document-filters";
import { documentListSelect, toDocumentListItem, type TDocumentListItem } from "./document-list-item";

export type TDocumentPage = {
  items: TDocumentListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

function endOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

function pageWhere(actor: TActor, ctx: TAccessContext, filters: Omit<TDocumentFilters, "page" | "pageSize">): Prisma.DocumentWhereInput {
  const and: Prisma.DocumentWhereInput[] = [documentWhere(actor, ctx), { status: filters.status ?? "ACTIVE" }];
  if (filters.typeCode) and.push({ typeCode: filters.typeCode });
  if (filters.classCode) and.push({ classCode: filters.classCode });
  if (filters.author) and.push(...authorNameWhere(filters.author));
  if (filters.source) and.push({ source: filters.source });
  if (filters.from) and.push({ serviceDate: { gte: new Date(`${filters.from}T00:00:00.000Z`) } });
  if (filters.to) and.push({ serviceDate: { lte: endOfDay(filters.to) } });
  return { AND: and };
}

/**
 * A free-text author filter scales to records with hundreds of authors (a list of them
 * in the page did not): every word must be in the author's first or last name.
 */
function authorNameWhere(text: string): Prisma.DocumentWhereInput[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((word) => ({ author: { OR: [{ lastName: { contains: word } }, { firstName: { contains: word } }] } }));
}

/** Newest first; the index Document(patientId, status, serviceDate, submittedAt, id) follows it. */
const NEWEST_FIRST: Prisma.DocumentOrderByWithRelationInput[] = [{ serviceDate: "desc" }, { submittedAt: "desc" }, { id: "desc" }];

/**
 * One page of the documents this actor may see on this record, newest first. The policy
 * is part of the query, so hidden documents are neither returned nor counted.
 */
export async function findDocuments(
  db: Db,
  actor: TActor,
  ctx: TAccessContext,
  filters: TDocumentFilters,
): Promise<TDocumentPage> {
  const where = pageWhere(actor, ctx, filters);
  const [total, rows] = await Promise.all([
    db.document.count({ where }),
    db.document.findMany({
      where,
      orderBy: NEWEST_FIRST,
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: documentListSelect,
    }),
  ]);
  return {
    items: rows.map(toDocumentListItem),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
  };
}

/** What a FHIR DocumentReference needs beyond a list item (identifiers of the author, structure, replaced version). */
export const documentReferenceSelect = {
  ...documentListSelect,
  uniqueId: true,
  author: { select: { ...documentListSelect.author.select, idNat: true } },
  structure: { select: { name: true, finess: true } },
  replaces: { select: { uniqueId: true } },
} satisfies Prisma.DocumentSelect;

export type TDocumentReferenceRow = Prisma.DocumentGetPayload<{ select: typeof documentReferenceSelect }>;

/**
 * The first `take` documents this actor may see, newest first, with what FHIR needs, in
 * one query and without counting (an ITI-67 search returns no total beyond its page).
 */
export async function findDocumentReferenceRows(
  db: Db,
  actor: TActor,
  ctx: TAccessContext,
  filters: Omit<TDocumentFilters, "page" | "pageSize">,
  take: number,
): Promise<TDocumentReferenceRow[]> {
  return db.document.findMany({ where: pageWhere(actor, ctx, filters), orderBy: NEWEST_FIRST, take, select: documentReferenceSelect });
}
