import { createHash } from "node:crypto";
import type { AccessMode, ActorKind, Trace, TraceOutcome } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TTraceAction } from "./trace-actions";

export const GENESIS_HASH = "0".repeat(64);

export type TTraceInput = {
  patientId: string | null;
  actorKind: ActorKind;
  actorId?: string | null;
  actorName: string;
  actorProfession?: string | null;
  actorStructure?: string | null;
  action: TTraceAction;
  documentId?: string | null;
  mode?: AccessMode;
  justification?: string | null;
  outcome?: TraceOutcome;
  reason?: string | null;
  detail?: string | null;
  ipAddress?: string | null;
  at?: Date;
};

/** The fields a trace's hash covers, in a fixed order. */
export function traceHash(prevHash: string, t: Required<Omit<TTraceInput, "at">> & { at: Date }): string {
  const canonical = JSON.stringify([
    prevHash,
    t.patientId,
    t.actorKind,
    t.actorId,
    t.actorName,
    t.actorProfession,
    t.actorStructure,
    t.action,
    t.documentId,
    t.mode,
    t.justification,
    t.outcome,
    t.reason,
    t.detail,
    t.at.toISOString(),
    t.ipAddress,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export type TNormalizedTrace = Required<Omit<TTraceInput, "at">> & { at: Date };

/** A trace input with every optional field made explicit, as it is stored and hashed. */
export function normalizeTrace(input: TTraceInput): TNormalizedTrace {
  return {
    patientId: input.patientId,
    actorKind: input.actorKind,
    actorId: input.actorId ?? null,
    actorName: input.actorName,
    actorProfession: input.actorProfession ?? null,
    actorStructure: input.actorStructure ?? null,
    action: input.action,
    documentId: input.documentId ?? null,
    mode: input.mode ?? "NORMAL",
    justification: input.justification ?? null,
    outcome: input.outcome ?? "ALLOWED",
    reason: input.reason ?? null,
    detail: input.detail ?? null,
    ipAddress: input.ipAddress ?? null,
    // Millisecond precision is what SQLite keeps: hash what will be read back.
    at: new Date((input.at ?? new Date()).getTime()),
  };
}

/**
 * Appends a trace to the record's chain. Call it with the transaction that performs the
 * action, so the action and its trace commit together. Traces are never updated.
 */
export async function appendTrace(db: Db, input: TTraceInput): Promise<Trace> {
  // Reading the last hash and inserting must not interleave with another append.
  if ("$transaction" in db) return db.$transaction((tx): Promise<Trace> => appendTrace(tx, input));
  const t = normalizeTrace(input);
  const last = await db.trace.findFirst({
    where: { patientId: t.patientId },
    orderBy: { id: "desc" },
    select: { hash: true },
  });
  const prevHash = last?.hash ?? GENESIS_HASH;
  return db.trace.create({ data: { ...t, prevHash, hash: traceHash(prevHash, t) } });
}
