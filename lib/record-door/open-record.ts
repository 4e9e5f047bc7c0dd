import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { canAccessRecord } from "@/lib/access/policy";
import { describeDecision, type TAllowed } from "@/lib/access/decision";
import { loadAccessContexts, loadRecordFacts, type TReaderFacts, type TRecordIdentity, type TRecordSelector } from "@/lib/access/load-access-context";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendTrace, appendTraces, type TTraceInput } from "@/lib/traces/append-trace";
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
/** The RECORD_VIEW trace of a professional's opening, allowed or refused. */
function recordViewTrace(actor: TActor, ctx: TAccessContext, decision: ReturnType<typeof canAccessRecord>, request: TRequestInfo, now: Date): TTraceInput {
  return {
    patientId: ctx.patientId,
    ...traceActorFields(actor),
    action: "RECORD_VIEW",
    mode: decision.allowed ? decision.mode : (ctx.emergencyMode ?? "NORMAL"),
    outcome: decision.allowed ? "ALLOWED" : "REFUSED",
    reason: describeDecision(decision),
    ipAddress: request.ipAddress ?? null,
    at: now,
  };
}

/**
 * openRecord for every record of a selector at once (an API search by INS: twins share a
 * NIR), outside any transaction: one statement loads the contexts, one INSERT writes
 * every RECORD_VIEW trace, refusals included. Returns the records the professional may open, in birth rank order; the
 * others are left out exactly like unknown ones.
 */
export async function openRecords(
  db: PrismaClient,
  actor: TProfessionalActor,
  selector: TRecordSelector,
  request: TRequestInfo = {},
): Promise<{ ctx: TAccessContext; decision: TAllowed; nir: string }[]> {
  const now = request.now ?? platformNow();
  const loaded = await loadAccessContexts(db, actor, selector, now);
  const decided = loaded.map((record) => ({ ...record, decision: canAccessRecord(actor, record.ctx) }));
  await appendTraces(
    db,
    decided.map(({ ctx, decision }) => recordViewTrace(actor, ctx, decision, request, now)),
  );
  return decided.flatMap(({ ctx, nir, decision }) => (decision.allowed ? [{ ctx, decision, nir }] : []));
}

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
  const trace = recordViewTrace(actor, ctx, decision, request, now);
  if (!decision.allowed) return refuseWithTrace(db, trace);
  await appendTrace(db, trace);
  return { ctx, decision, identity, reader };
}
