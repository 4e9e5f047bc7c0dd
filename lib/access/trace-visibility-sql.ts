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
    AND (t.documentId IS NULL OR t.documentId NOT IN (SELECT h.id FROM Document h WHERE h.patientId = ${ctx.patientId} AND ${hiddenFromReaderSql(actor, "h")}))`;
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
