import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { canAccessRecord } from "./policy";
import { AppError } from "@/lib/errors/app-error";

/** The patient-side masking codes that hide a document (alias `alias`) from this reader, in SQL. */
function hiddenFromReaderSql(actor: TActor, alias: "h" | "o"): Prisma.Sql {
  const a = Prisma.raw(alias);
  return actor.kind === "LEGAL_REPRESENTATIVE" ? Prisma.sql`(${a}.hiddenFromPatient = TRUE OR ${a}.hiddenFromLegalReps = TRUE)` : Prisma.sql`${a}.hiddenFromPatient = TRUE`;
}

/** The ids of this record's documents hidden from the reader (never null, which the count as a difference relies on). */
function hiddenDocumentIdsSql(actor: TActor, ctx: TAccessContext): Prisma.Sql {
  return Prisma.sql`SELECT h.id FROM Document h WHERE h.patientId = ${ctx.patientId} AND ${hiddenFromReaderSql(actor, "h")}`;
}

function assertPatientSide(actor: TActor, ctx: TAccessContext): void {
  if (actor.kind === "PROFESSIONAL" || !canAccessRecord(actor, ctx).allowed) throw new AppError("NOT_FOUND");
}

/**
 * patientSideTraceView() as a SQL condition on `Trace t`: the traces of the record, minus
 * those about a document of the record hidden from the reader. Raw SQL: the history of a
 * long record is a hot read, and each Prisma call costs a query compilation.
 */
export function patientSideTraceSql(actor: TActor, ctx: TAccessContext): Prisma.Sql {
  assertPatientSide(actor, ctx);
  return Prisma.sql`t.patientId = ${ctx.patientId}
    AND (t.documentId IS NULL OR t.documentId NOT IN (${hiddenDocumentIdsSql(actor, ctx)}))`;
}

/**
 * How many traces patientSideTraceSql() keeps under the same extra conditions (`and`, on
 * `Trace t`): the record's traces minus those about a document hidden from the reader. The
 * same rule (a hidden document's id is never null, so NOT IN and IN split the traces
 * exactly), counted the way the indexes answer fast: the first count reads an index of the
 * record's traces, the second only the traces of the few hidden documents, where NOT IN
 * probed the hidden list once per trace of a long record (issue 14).
 */
export function patientSideTraceCountSql(actor: TActor, ctx: TAccessContext, and: Prisma.Sql[]): Prisma.Sql {
  assertPatientSide(actor, ctx);
  const also = and.length > 0 ? Prisma.sql` AND ${Prisma.join(and, " AND ")}` : Prisma.empty;
  return Prisma.sql`((SELECT COUNT(*) FROM Trace t WHERE t.patientId = ${ctx.patientId}${also})
    - (SELECT COUNT(*) FROM Trace t WHERE t.patientId = ${ctx.patientId} AND t.documentId IN (${hiddenDocumentIdsSql(actor, ctx)})${also}))`;
}

/**
 * The reason column as the reader may see it (patientSideTraceView's SHOWN_WITHOUT_REASON):
 * withheld on a trace about a new version of a document hidden from the reader, whose
 * reason names the old version.
 */
export function patientSideReasonSql(actor: TActor, ctx: TAccessContext): Prisma.Sql {
  assertPatientSide(actor, ctx);
  return Prisma.sql`CASE WHEN t.documentId IN (SELECT h.id FROM Document h JOIN Document o ON o.id = h.replacesId
      WHERE h.patientId = ${ctx.patientId} AND ${hiddenFromReaderSql(actor, "o")}) THEN NULL ELSE t.reason END`;
}
