import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor, TLegalRepresentativeActor, TPatientActor, TProfessionalActor } from "./actor";
import type { TAccessContext, TPolicyDocument } from "./access-context";
import type { TDecision } from "./decision";
import { habilitationFor } from "./habilitation";
import { canAccessRecord, canRead } from "./policy";

/**
 * What a professional may do on a record beyond reading its documents. Each rule starts
 * from canAccessRecord (closed, blocked, not authorized come first) and names the rule
 * that decided, so the command traces it; docs/DESIGN.md lists them.
 */

/**
 * OTHER_PROFESSIONALS_TRACES: the treating doctor reads the traces the other
 * professionals left on the record. Anyone else: TREATING_DOCTOR_ONLY.
 */
export function canReadOtherProfessionalsTraces(actor: TProfessionalActor, ctx: TAccessContext): TDecision {
  const record = canAccessRecord(actor, ctx);
  if (!record.allowed) return record;
  return ctx.isTreatingDoctor ? { allowed: true, rule: "TREATING_DOCTOR", mode: record.mode } : { allowed: false, rule: "TREATING_DOCTOR_ONLY" };
}

/** The trace fields the OTHER_PROFESSIONALS_TRACES list rule reads. */
export type TPolicyTrace = { patientId: string | null; actorKind: string; actorId: string | null };

/** Matches no trace: a refused actor gets an empty list. */
export const NO_TRACE: Prisma.TraceWhereInput = { id: { in: [] } };

/** Which trace of the list the treating doctor sees: another professional's, on this record. */
export function isOtherProfessionalsTrace(actor: TProfessionalActor, trace: TPolicyTrace, ctx: TAccessContext): boolean {
  if (!canReadOtherProfessionalsTraces(actor, ctx).allowed) return false;
  return trace.patientId === ctx.patientId && trace.actorKind === "PROFESSIONAL" && trace.actorId !== actor.professionalId;
}

/**
 * isOtherProfessionalsTrace as a Prisma filter, so the list and its count are filtered in
 * the database; other-professionals-traces.integration.test.ts checks they agree.
 */
export function otherProfessionalsTraceWhere(actor: TProfessionalActor, ctx: TAccessContext): Prisma.TraceWhereInput {
  if (!canReadOtherProfessionalsTraces(actor, ctx).allowed) return NO_TRACE;
  return { patientId: ctx.patientId, actorKind: "PROFESSIONAL", actorId: { not: actor.professionalId } };
}

/**
 * BLOCK_AT_PATIENT_REQUEST: the treating doctor blocks a professional on the patient's
 * behalf. Anyone else: TREATING_DOCTOR_ONLY. (Blocking oneself is bad input, not a rule.)
 */
export function canBlockAtPatientRequest(actor: TProfessionalActor, ctx: TAccessContext): TDecision {
  return canReadOtherProfessionalsTraces(actor, ctx);
}

/**
 * REIMBURSEMENTS: the statement is read as the record's reimbursement document (REMB, class
 * 60), its current snapshot: whoever may read that document (canRead) sees the statement.
 * So the patient and their legal representatives see it, closed record included; a
 * professional who may open the record sees it only when the habilitation matrix gives
 * their profession the REMB row (named in the decision), with no exception for the treating
 * doctor; the patient's masking (MASQUE_PS: the treating doctor still sees it, as any
 * document) and opposition withdraw it like any document. Before the first load there is no
 * document yet: the record rule and the matrix row decide alone.
 */
export function canSeeReimbursements(actor: TActor, ctx: TAccessContext, statement: TPolicyDocument | null = null): TDecision {
  if (statement) return canRead(actor, statement, ctx);
  const record = canAccessRecord(actor, ctx);
  if (!record.allowed || actor.kind !== "PROFESSIONAL") return record;
  const row = habilitationFor(ctx.habilitation, "REMB");
  return row.canRead ? { ...record, habilitation: row.label } : { allowed: false, rule: "HABILITATION_DENIED", habilitation: row.label };
}

/**
 * REVEAL_TO_PATIENT: after the announcement consultation, a professional who may read a
 * document (canRead: matrix, masking, opposition) lifts INVISIBLE_PATIENT. The refusal is
 * the canRead refusal. A document already visible is a conflict, not an access rule.
 */
export function canRevealToPatient(actor: TProfessionalActor, doc: TPolicyDocument, ctx: TAccessContext): TDecision {
  return canRead(actor, doc, ctx);
}

/**
 * PATIENT_CHANGES: the patient, or a legal representative, changes the record (documents,
 * masking, settings, contacts) only while it is open; closing, reactivating and the few
 * commands meant for a closed record pass allowClosed. Refusal: RECORD_CLOSED.
 */
export function canChangeOwnRecord(
  actor: TPatientActor | TLegalRepresentativeActor,
  ctx: TAccessContext,
  options: { allowClosed?: boolean } = {},
): TDecision {
  const record = canAccessRecord(actor, ctx);
  if (!record.allowed) return record;
  return ctx.recordStatus === "CLOSED" && !options.allowClosed ? { allowed: false, rule: "RECORD_CLOSED" } : record;
}
