import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { canAccessRecord } from "@/lib/access/policy";
import { describeDecision, type TAllowed } from "@/lib/access/decision";
import { loadRecordFacts, type TReaderFacts, type TRecordIdentity } from "@/lib/access/load-access-context";
import { appendTrace, type TTraceInput } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { AppError } from "@/lib/errors/app-error";
import { refuseWithTrace } from "./refusal";
import { platformNow } from "@/lib/clock/clock";

/**
 * identity: whose record it is; reader: the professional's own kind and structure. Both are
 * read by the same statement as the context (the record pages show and use them).
 */
export type TOpenedRecord = { ctx: TAccessContext; decision: TAllowed; identity: TRecordIdentity; reader: TReaderFacts | null };

export type TRequestInfo = { ipAddress?: string | null; now?: Date };

/**
 * The door to a record: loads the access context, applies the policy and, for a
 * professional, writes the RECORD_VIEW trace (refusals included). A missing record and a
 * refused one both throw NOT_FOUND, so nobody learns that a record exists. Inside a
 * transaction, run it under withRefusalTraces (the command doors do) so the REFUSED trace
 * outlives the rollback.
 */
export async function openRecord(
  db: Db,
  actor: TActor,
  patientId: string,
  request: TRequestInfo & { traceView?: boolean } = {},
): Promise<TOpenedRecord> {
  const now = request.now ?? platformNow();
  const facts = await loadRecordFacts(db, actor, patientId, now);
  if (!facts) throw new AppError("NOT_FOUND");
  const { ctx, identity, reader } = facts;
  const decision = canAccessRecord(actor, ctx);
  const shouldTrace = actor.kind === "PROFESSIONAL" && request.traceView !== false;
  if (!shouldTrace) {
    if (!decision.allowed) throw new AppError("NOT_FOUND");
    return { ctx, decision, identity, reader };
  }
  const trace: TTraceInput = {
    patientId,
    ...traceActorFields(actor),
    action: "RECORD_VIEW",
    mode: decision.allowed ? decision.mode : (ctx.emergencyMode ?? "NORMAL"),
    outcome: decision.allowed ? "ALLOWED" : "REFUSED",
    reason: describeDecision(decision),
    ipAddress: request.ipAddress ?? null,
    at: now,
  };
  if (!decision.allowed) return refuseWithTrace(db, trace);
  await appendTrace(db, trace);
  return { ctx, decision, identity, reader };
}
