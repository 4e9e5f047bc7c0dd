import { createHash } from "node:crypto";
import { Prisma, type AccessMode, type ActorKind, type TraceOutcome } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { lockForTransaction } from "@/lib/db/dialect";
import type { TTraceAction } from "./trace-actions";
import { platformNow } from "@/lib/clock/clock";

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
    at: new Date((input.at ?? platformNow()).getTime()),
  };
}

/** The hash of the record's last trace, the link the next one chains to. */
async function chainHead(tx: Prisma.TransactionClient, patientId: string | null): Promise<string> {
  // Raw SQL: the same indexed read as findFirst, without its per-call query compilation.
  const rows =
    patientId === null
      ? await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM Trace WHERE patientId IS NULL ORDER BY id DESC LIMIT 1`
      : await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM Trace WHERE patientId = ${patientId} ORDER BY id DESC LIMIT 1`;
  return rows[0]?.hash ?? GENESIS_HASH;
}

/** Every Trace column but the id, in the order of the INSERT below. */
function traceValues(t: TNormalizedTrace & { prevHash: string; hash: string }): Prisma.Sql {
  return Prisma.sql`(${t.patientId}, ${t.actorKind}, ${t.actorId}, ${t.actorName}, ${t.actorProfession}, ${t.actorStructure}, ${t.action}, ${t.documentId}, ${t.mode}, ${t.justification}, ${t.outcome}, ${t.reason}, ${t.detail}, ${t.at}, ${t.ipAddress}, ${t.prevHash}, ${t.hash})`;
}

/**
 * Appends traces to their records' chains, in input order (several traces of one record
 * chain to each other). Call it with the transaction that performs the action, so the
 * action and its traces commit together. Traces are never updated.
 */
export async function appendTraces(db: Db, inputs: readonly TTraceInput[]): Promise<void> {
  if (inputs.length === 0) return;
  // Reading the last hash and inserting must not interleave with another append.
  if ("$transaction" in db) return db.$transaction((tx) => appendTraces(tx, inputs));
  const traces = inputs.map(normalizeTrace);
  // Several server processes on PostgreSQL: two transactions could read the same head and
  // both chain to it (a fork). A lock per chain, held to COMMIT, makes the second wait for
  // the first's trace; taken in one order (sorted) so two multi-record appends cannot deadlock.
  const chains = [...new Set(traces.map((t) => t.patientId ?? ""))].sort();
  for (const chain of chains) await lockForTransaction(db, `trace-chain:${chain}`);
  const heads = new Map<string | null, string>();
  const rows: Prisma.Sql[] = [];
  for (const t of traces) {
    const prevHash = heads.get(t.patientId) ?? (await chainHead(db, t.patientId));
    const hash = traceHash(prevHash, t);
    heads.set(t.patientId, hash);
    rows.push(traceValues({ ...t, prevHash, hash }));
  }
  // One INSERT for all rows, in order: the chain follows the id.
  await db.$executeRaw`INSERT INTO Trace (patientId, actorKind, actorId, actorName, actorProfession, actorStructure, action, documentId, mode, justification, outcome, reason, detail, at, ipAddress, prevHash, hash) VALUES ${Prisma.join(rows)}`;
}

/** Appends one trace to the record's chain (see appendTraces). */
export async function appendTrace(db: Db, input: TTraceInput): Promise<void> {
  return appendTraces(db, [input]);
}
