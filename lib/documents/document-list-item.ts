import type { Prisma } from "@/lib/generated/prisma/client";

/** Only what a list shows: never the content, never more than the UI needs. */
export const documentListSelect = {
  id: true,
  typeCode: true,
  classCode: true,
  title: true,
  serviceDate: true,
  submittedAt: true,
  source: true,
  status: true,
  confidentiality: true,
  hiddenFromPros: true,
  hiddenFromPatient: true,
  hiddenFromLegalReps: true,
  opposedAt: true,
  mediaType: true,
  size: true,
  authorId: true,
  authorAccountId: true,
  structureId: true,
  author: { select: { title: true, firstName: true, lastName: true, profession: true, specialty: true } },
  structure: { select: { name: true } },
} satisfies Prisma.DocumentSelect;

type TRow = Prisma.DocumentGetPayload<{ select: typeof documentListSelect }>;

export type TDocumentListItem = {
  id: string;
  typeCode: string;
  classCode: string;
  title: string;
  serviceDate: Date;
  submittedAt: Date;
  source: TRow["source"];
  status: TRow["status"];
  confidentiality: TRow["confidentiality"];
  hiddenFromPros: boolean;
  hiddenFromPatient: boolean;
  hiddenFromLegalReps: boolean;
  isOpposed: boolean;
  mediaType: string;
  size: number;
  authorId: string | null;
  authorAccountId: string | null;
  authorName: string | null;
  authorProfession: string | null;
  authorSpecialty: string | null;
  /** The structure the document was written in (who may replace it besides its author). */
  structureId: string | null;
  structureName: string | null;
};

export function toDocumentListItem(row: TRow): TDocumentListItem {
  const a = row.author;
  return {
    id: row.id,
    typeCode: row.typeCode,
    classCode: row.classCode,
    title: row.title,
    serviceDate: row.serviceDate,
    submittedAt: row.submittedAt,
    source: row.source,
    status: row.status,
    confidentiality: row.confidentiality,
    hiddenFromPros: row.hiddenFromPros,
    hiddenFromPatient: row.hiddenFromPatient,
    hiddenFromLegalReps: row.hiddenFromLegalReps,
    isOpposed: row.opposedAt !== null,
    mediaType: row.mediaType,
    size: row.size,
    authorId: row.authorId,
    authorAccountId: row.authorAccountId,
    authorName: a ? [a.title, a.firstName, a.lastName].filter(Boolean).join(" ") : null,
    authorProfession: a?.profession ?? null,
    authorSpecialty: a?.specialty ?? null,
    structureId: row.structureId,
    structureName: row.structure?.name ?? null,
  };
}
