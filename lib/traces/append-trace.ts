import { createHash } from "node:crypto";
import { Prisma, type AccessMode, type ActorKind, type TraceOutcome } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { dialectOf, lockForTransaction } from "@/lib/db/dialect";
import type { TTraceAction } from "./trace-actions";
import { platformNow } from "@/lib/clock/clock";
import { queryRows, executeSql } from "@/lib/db/raw-sql";

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

/** A chain: a record's (its patient id), or the platform's (null). */
type TChain = string | null;

/**
 * The hash of each chain's last trace, the link the next one chains to, in one statement
 * for the records (one indexed seek each) and one for the platform chain when asked.
 */
export async function readChainHeads(db: Db, chains: Iterable<TChain>): Promise<Map<TChain, string>> {
  const distinct = [...new Set(chains)];
  const patientIds = distinct.filter((c): c is string => c !== null);
  const heads = new Map<TChain, string>(distinct.map((c) => [c, GENESIS_HASH]));
  // Raw SQL: the same indexed reads as findFirst, without its per-call query compilation.
  if (patientIds.length > 0) {
    const rows = await queryRows<{ patientId: string; hash: string | null }>(db, Prisma.sql`
      SELECT p.id AS patientId, (SELECT t.hash FROM Trace t WHERE t.patientId = p.id ORDER BY t.id DESC LIMIT 1) AS hash
      FROM Patient p WHERE p.id IN (${Prisma.join(patientIds)})`);
    for (const row of rows) if (row.hash !== null) heads.set(row.patientId, row.hash);
  }
  if (heads.has(null)) {
    const [row] = await queryRows<{ hash: string }>(db, Prisma.sql`SELECT hash FROM Trace WHERE patientId IS NULL ORDER BY id DESC LIMIT 1`);
    if (row) heads.set(null, row.hash);
  }
  return heads;
}

/** Every Trace column but the id, in the order of the INSERT below; `hash` may be a guarded expression. */
function traceValues(t: TNormalizedTrace & { prevHash: string }, hash: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`(${t.patientId}, ${t.actorKind}, ${t.actorId}, ${t.actorName}, ${t.actorProfession}, ${t.actorStructure}, ${t.action}, ${t.documentId}, ${t.mode}, ${t.justification}, ${t.outcome}, ${t.reason}, ${t.detail}, ${t.at}, ${t.ipAddress}, ${t.prevHash}, ${hash})`;
}

/**
 * The hash of a chain's first new trace, guarded: the hash when the chain's head is still
 * `prevHash`, else NULL, which the NOT NULL column refuses, failing the whole statement
 * (and the transaction it is part of). Portable: a scalar subquery and CASE, nothing else.
 */
function guardedHash(chain: TChain, prevHash: string, hash: string): Prisma.Sql {
  const head =
    chain === null
      ? Prisma.sql`(SELECT h.hash FROM Trace h WHERE h.patientId IS NULL ORDER BY h.id DESC LIMIT 1)`
      : Prisma.sql`(SELECT h.hash FROM Trace h WHERE h.patientId = ${chain} ORDER BY h.id DESC LIMIT 1)`;
  return Prisma.sql`CASE WHEN COALESCE(${head}, ${GENESIS_HASH}) = ${prevHash} THEN ${hash} END`;
}

/**
 * The one INSERT that appends these traces, in input order (several traces of one chain
 * link to each other), to chains whose heads are `heads` (readChainHeads). With `guard`,
 * the statement fails unless every chain's head is still the one read: a caller that read
 * the heads outside its transaction gets a failure instead of a fork.
 */
export function traceInsertSql(inputs: readonly TTraceInput[], heads: ReadonlyMap<TChain, string>, options: { guard: boolean }): Prisma.Sql {
  return traceInsert(inputs, heads, options).sql;
}

/** traceInsertSql, with the hash each chain ends on once the statement has run. */
function traceInsert(inputs: readonly TTraceInput[], heads: ReadonlyMap<TChain, string>, options: { guard: boolean }): { sql: Prisma.Sql; tails: Map<TChain, string> } {
  const last = new Map<TChain, string>();
  const rows = inputs.map((input) => {
    const t = normalizeTrace(input);
    const linked = last.get(t.patientId);
    const prevHash = linked ?? heads.get(t.patientId) ?? GENESIS_HASH;
    const hash = traceHash(prevHash, t);
    last.set(t.patientId, hash);
    return traceValues({ ...t, prevHash }, options.guard && linked === undefined ? guardedHash(t.patientId, prevHash, hash) : hash);
  });
  // One INSERT for all rows, in order: the chain follows the id.
  const sql = Prisma.sql`INSERT INTO Trace (patientId, actorKind, actorId, actorName, actorProfession, actorStructure, action, documentId, mode, justification, outcome, reason, detail, at, ipAddress, prevHash, hash) VALUES ${Prisma.join(rows)}`;
  return { sql, tails: last };
}

/**
 * This process's appends outside a transaction, per database client: the chains being
 * appended to (a later append waits for the earlier one) and the hash each chain ended on
 * after this process last appended to it. Requests of one process that trace the same
 * record at once (an API client searching one patient on 8 connections) then take turns
 * instead of all but one failing their guard. Only a guess: the guard still checks it, as
 * another process or a transaction may have appended since.
 */
type TChainState = { busy: Map<TChain, Promise<void>>; tails: Map<TChain, string> };
const chainStates = new WeakMap<object, TChainState>();
const MAX_REMEMBERED_TAILS = 10_000;

async function inTurn<T>(state: TChainState, chains: readonly TChain[], run: () => Promise<T>): Promise<T> {
  const keys = [...new Set(chains)];
  const before = keys.map((k) => state.busy.get(k));
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Registered for every chain at once (synchronously): turns never wait in a circle.
  for (const k of keys) state.busy.set(k, done);
  await Promise.all(before);
  try {
    return await run();
  } finally {
    release();
    for (const k of keys) if (state.busy.get(k) === done) state.busy.delete(k);
  }
}

/**
 * Appends traces to their records' chains, in input order (several traces of one record
 * chain to each other). Call it with the transaction that performs the action, so the
 * action and its traces commit together. Traces are never updated.
 * Outside a transaction the traces are written by one guarded statement (no transaction
 * to open and commit), chained to the heads this process last left (or the caller read,
 * `knownHeads`, or read now); if a chain moved on meanwhile, the append is done again in a
 * transaction, where reading and inserting cannot interleave.
 */
export async function appendTraces(db: Db, inputs: readonly TTraceInput[], knownHeads?: ReadonlyMap<TChain, string>): Promise<void> {
  if (inputs.length === 0) return;
  const chains = inputs.map((input) => input.patientId);
  if ("$transaction" in db) {
    // PostgreSQL (READ COMMITTED, several processes): two guarded statements could both see
    // the old head and both pass, so there the append always takes the chain locks below.
    if (dialectOf(db) === "postgresql") return db.$transaction((tx) => appendTraces(tx, inputs));
    let state = chainStates.get(db);
    if (!state) chainStates.set(db, (state = { busy: new Map(), tails: new Map() }));
    const own = state;
    return inTurn(own, chains, async () => {
      // First on the heads this process remembers (or the caller knows), then once more on
      // heads read now: another server process appending to the same chain (one patient
      // searched from both) moves it on between two appends of this one.
      for (const fresh of [false, true]) {
        try {
          const guessed = new Map<TChain, string>();
          for (const c of fresh ? [] : chains) {
            const head = own.tails.get(c) ?? knownHeads?.get(c);
            if (head !== undefined) guessed.set(c, head);
          }
          const heads = chains.every((c) => guessed.has(c)) ? guessed : await readChainHeads(db, chains);
          const { sql, tails } = traceInsert(inputs, heads, { guard: true });
          await executeSql(db, sql);
          if (own.tails.size >= MAX_REMEMBERED_TAILS) own.tails.clear();
          for (const [c, hash] of tails) own.tails.set(c, hash);
          return;
        } catch {
          // A chain moved on (or any failure, which the transaction below meets again).
          for (const c of chains) own.tails.delete(c);
        }
      }
      await db.$transaction((tx) => appendTraces(tx, inputs));
    });
  }
  // Several server processes on PostgreSQL: two transactions could read the same head and
  // both chain to it (a fork). A lock per chain, held to COMMIT, makes the second wait for
  // the first's trace; taken in one order (sorted) so two multi-record appends cannot deadlock.
  for (const chain of [...new Set(chains.map((c) => c ?? ""))].sort()) await lockForTransaction(db, `trace-chain:${chain}`);
  await executeSql(db, traceInsertSql(inputs, await readChainHeads(db, chains), { guard: false }));
}

/** Appends one trace to the record's chain (see appendTraces). */
export async function appendTrace(db: Db, input: TTraceInput): Promise<void> {
  return appendTraces(db, [input]);
}
