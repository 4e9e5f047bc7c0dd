import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { explainDocumentVisibility, visibilitySentences, type TDocumentVisibility } from "@/lib/access/explain-document-visibility";
import { isRepresentationInForce } from "@/lib/access/representation";
import { patientSideTraceSql } from "@/lib/access/trace-visibility-sql";
import { platformNow } from "@/lib/clock/clock";
import { getDocument } from "./get-document";
import { queryRows } from "@/lib/db/raw-sql";

export type TDocumentOpening = { actorId: string | null; actorName: string; actorProfession: string | null; actorStructure: string | null; lastAt: Date; count: number };

export type TDocumentVisibilityPage = {
  documentId: string;
  title: string;
  visibility: TDocumentVisibility;
  sentences: ReturnType<typeof visibilitySentences>;
  /** Patient side only (TRACE_VISIBILITY): the professionals who opened the document, latest first. */
  openedBy: TDocumentOpening[] | null;
};

/**
 * "Qui peut voir ce document ?" for a reader who sees the document (getDocument: DOCUMENT_READ,
 * so a document hidden from them is unknown here too): the patient, a legal representative,
 * or its author (a professional who is not the author gets null: the explanation is the
 * author's and the patient's). The facts are read now (matrix, treating doctor,
 * representatives), the answers come from canRead (explain-document-visibility.ts).
 */
export async function getDocumentVisibility(db: Db, actor: TActor, ctx: TAccessContext, documentId: string, now: Date = platformNow()): Promise<TDocumentVisibilityPage | null> {
  const listed = await getDocument(db, actor, ctx, documentId);
  if (!listed) return null;
  const doc = await db.document.findUniqueOrThrow({
    where: { id: listed.id },
    select: { patientId: true, typeCode: true, authorId: true, hiddenFromPros: true, hiddenFromPatient: true, hiddenFromLegalReps: true, opposedAt: true, title: true },
  });
  if (actor.kind === "PROFESSIONAL" && doc.authorId !== actor.professionalId) return null;
  const [matrix, patient, representation] = await Promise.all([
    db.habilitationRule.findMany({ select: { profession: true, specialty: true, typeCode: true, canRead: true } }),
    db.patient.findUniqueOrThrow({ where: { id: doc.patientId }, select: { birthDate: true, treatingDoctor: { select: { profession: true, specialty: true } } } }),
    // This record's own rows: Prisma's relation _count makes SQLite group every record's representations first.
    db.legalRepresentation.findFirst({ where: { patientId: doc.patientId }, select: { id: true } }),
  ]);
  const visibility = explainDocumentVisibility({
    doc,
    matrix,
    recordStatus: ctx.recordStatus,
    namespaceId: ctx.namespaceId,
    treatingDoctor: patient.treatingDoctor,
    hasLegalRepresentatives: representation !== null && isRepresentationInForce(patient.birthDate, now),
  });
  const reader = actor.kind === "PROFESSIONAL" ? "AUTHOR" : actor.kind;
  return {
    documentId: listed.id,
    title: doc.title,
    visibility,
    sentences: visibilitySentences(visibility, reader),
    openedBy: actor.kind === "PROFESSIONAL" ? null : await documentOpenings(db, actor, ctx, listed.id),
  };
}

/** The professionals' granted reads of this document, under the patient-side history rule. */
async function documentOpenings(db: Db, actor: TActor, ctx: TAccessContext, documentId: string): Promise<TDocumentOpening[]> {
  const rows = await queryRows<{ actorId: string | null; actorName: string; actorProfession: string | null; actorStructure: string | null; lastAt: Date | string | number; count: number | bigint }>(db, Prisma.sql`
    SELECT t.actorId AS actorId, t.actorName AS actorName, MAX(t.actorProfession) AS actorProfession, MAX(t.actorStructure) AS actorStructure,
      MAX(t.at) AS lastAt, COUNT(*) AS count
    FROM Trace t
    WHERE ${patientSideTraceSql(actor, ctx)} AND t.documentId = ${documentId} AND t.actorKind = ${"PROFESSIONAL"}
      AND t.action = ${"DOCUMENT_READ"} AND t.outcome = ${"ALLOWED"}
    GROUP BY t.actorId, t.actorName
    ORDER BY lastAt DESC`);
  return rows.map((r) => ({ ...r, lastAt: new Date(r.lastAt), count: Number(r.count) }));
}
