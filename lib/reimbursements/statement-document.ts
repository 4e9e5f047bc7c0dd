import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contentDigests } from "@/lib/documents/content-digest";
import { classOfType } from "@/lib/reference/document-types";
import { statementDay, statementText, STATEMENT_TITLE } from "./statement-layout";
import type { TStatementLine } from "./generate-history";
import { impliedAlds } from "./implied-ald";
import type { TSex } from "@/lib/text/french";

/** The type code of the record's reimbursement document (TRE_A05, class 60). */
export const STATEMENT_TYPE_CODE = "REMB";

/** The record's statement document: the active REMB document the insurance wrote (no author). */
export const statementDocumentWhere = (patientId: string): Prisma.DocumentWhereInput => ({
  patientId,
  typeCode: STATEMENT_TYPE_CODE,
  status: "ACTIVE",
  authorId: null,
  authorAccountId: null,
});

/** A stable XDS uniqueId per record (OID under 2.25, from a UUID-sized hash). */
export function statementDocumentUniqueId(patientId: string): string {
  const hex = createHash("sha256").update(`remboursements:${patientId}`).digest("hex").slice(0, 32);
  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}

/**
 * Writes the record's reimbursement document as a snapshot of the statement on `now`: the
 * same document is updated in place (so the patient's masking and opposition stay on it),
 * with the snapshot's date as its date and title.
 */
export async function writeStatementDocument(
  tx: Prisma.TransactionClient,
  patient: { id: string; firstName: string; lastName: string; birthDate: string; sex?: TSex },
  statement: { from: string; to: string; lines: readonly TStatementLine[] },
  now: Date,
): Promise<string> {
  const text = statementText({
    patientName: `${patient.firstName} ${patient.lastName.toUpperCase()}`,
    birthDate: patient.birthDate,
    sex: patient.sex,
    from: statement.from,
    to: statement.to,
    lines: statement.lines,
    alds: impliedAlds(statement.lines),
  });
  const data = Uint8Array.from(Buffer.from(text, "utf8"));
  const { sha256, sha1 } = contentDigests(data);
  const fields = { title: `${STATEMENT_TITLE} du ${statementDay(statement.to)}`, serviceDate: now, mediaType: "text/plain", size: data.byteLength, sha256, sha1 };
  const existing = await tx.document.findFirst({ where: statementDocumentWhere(patient.id), orderBy: { serviceDate: "desc" }, select: { id: true } });
  if (existing) {
    await tx.document.update({ where: { id: existing.id }, data: fields });
    await tx.documentContent.upsert({ where: { documentId: existing.id }, create: { documentId: existing.id, data }, update: { data } });
    return existing.id;
  }
  const created = await tx.document.create({
    data: {
      ...fields,
      uniqueId: statementDocumentUniqueId(patient.id),
      patientId: patient.id,
      typeCode: STATEMENT_TYPE_CODE,
      classCode: classOfType(STATEMENT_TYPE_CODE) ?? "60",
      submittedAt: now,
      source: "PROFESSIONAL",
      content: { create: { data } },
    },
    select: { id: true },
  });
  return created.id;
}
