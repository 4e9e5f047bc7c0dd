import { Prisma } from "@/lib/generated/prisma/client";
import type { Confidentiality, FeedOutcome } from "@/lib/generated/prisma/enums";
import type { TMaskingFlags } from "@/lib/reference/masking";
import { contentDigests } from "@/lib/documents/content-digest";

/*
 * The rows an ITI-65 bundle writes, one multi-row INSERT per table, in raw SQL with the
 * ids made by the application (lib/db/new-id): a bundle of 20 documents is a handful of
 * statements whatever its size, with no query compilation per call (Prisma's model calls
 * compile each query, several milliseconds for a nested create). Portable: bound
 * parameters only, booleans and dates as parameters.
 */

/** A document the feed creates (source HOSPITAL_FEED), with its content. */
export type TFedDocumentRow = {
  id: string;
  uniqueId: string;
  patientId: string;
  typeCode: string;
  classCode: string;
  title: string;
  authorId: string;
  structureId: string;
  serviceDate: Date;
  submittedAt: Date;
  confidentiality: Confidentiality;
  masking: TMaskingFlags;
  replacesId: string | null;
  mediaType: string;
  bytes: Uint8Array;
};

/** One FeedSubmission row: what was submitted and what became of it. */
export type TFeedSubmissionRow = {
  structureId: string;
  professionalId: string | null;
  documentUniqueId: string;
  nir: string;
  birthDate: string;
  birthRank: number;
  outcome: FeedOutcome;
  detail: string;
  patientId: string | null;
  documentId: string | null;
  submittedAt: Date;
};

export function documentInsertSql(rows: readonly TFedDocumentRow[]): Prisma.Sql {
  const values = rows.map((d) => {
    const { sha256, sha1 } = contentDigests(d.bytes);
    return Prisma.sql`(${d.id}, ${d.uniqueId}, ${d.patientId}, ${d.typeCode}, ${d.classCode}, ${d.title}, ${d.authorId}, ${d.structureId}, ${d.serviceDate}, ${d.submittedAt}, ${d.confidentiality}, ${d.masking.hiddenFromPros}, ${d.masking.hiddenFromPatient}, ${d.masking.hiddenFromLegalReps}, ${"HOSPITAL_FEED"}, ${"ACTIVE"}, ${d.replacesId}, ${d.mediaType}, ${d.bytes.length}, ${sha256}, ${sha1})`;
  });
  return Prisma.sql`INSERT INTO Document (id, uniqueId, patientId, typeCode, classCode, title, authorId, structureId, serviceDate, submittedAt, confidentiality, hiddenFromPros, hiddenFromPatient, hiddenFromLegalReps, source, status, replacesId, mediaType, size, sha256, sha1) VALUES ${Prisma.join(values)}`;
}

export function documentContentInsertSql(rows: readonly TFedDocumentRow[]): Prisma.Sql {
  const values = rows.map((d) => Prisma.sql`(${d.id}, ${Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength)})`);
  return Prisma.sql`INSERT INTO DocumentContent (documentId, data) VALUES ${Prisma.join(values)}`;
}

export function feedSubmissionInsertSql(rows: readonly (TFeedSubmissionRow & { id: string })[]): Prisma.Sql {
  const values = rows.map(
    (s) =>
      Prisma.sql`(${s.id}, ${s.structureId}, ${s.professionalId}, ${s.documentUniqueId}, ${s.nir}, ${s.birthDate}, ${s.birthRank}, ${s.outcome}, ${s.detail}, ${s.patientId}, ${s.documentId}, ${s.submittedAt})`,
  );
  return Prisma.sql`INSERT INTO FeedSubmission (id, structureId, professionalId, documentUniqueId, nir, birthDate, birthRank, outcome, detail, patientId, documentId, submittedAt) VALUES ${Prisma.join(values)}`;
}
