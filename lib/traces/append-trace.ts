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

/**
 * The fields a trace's hash covers, in a fixed order, after the previous trace's hash: the
 * canonical text is `["<prevHash>",` followed by this tail. Split so SQLite can hash a
 * trace on the head it reads in the same statement (chainedTraceInsertSql).
 */
function hashedTail(t: Required<Omit<TTraceInput, "at">> & { at: Date }): string {
  return JSON.stringify([
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
  ]).slice(1);
}

/** A trace's hash: SHA-256 of the JSON array [prevHash, ...the fields hashedTail lists]. */
export function traceHash(prevHash: string, t: Required<Omit<TTraceInput, "at">> & { at: Date }): string {
  return createHash("sha256").update(`[${JSON.stringify(prevHash)},${hashedTail(t)}`).digest("hex");
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

/** The hash of a chain's last trace, as a scalar subquery (NULL for an empty chain). */
function chainHeadSql(chain: TChain): Prisma.Sql {
  return chain === null
    ? Prisma.sql`(SELECT h.hash FROM Trace h WHERE h.patientId IS NULL ORDER BY h.id DESC LIMIT 1)`
    : Prisma.sql`(SELECT h.hash FROM Trace h WHERE h.patientId = ${chain} ORDER BY h.id DESC LIMIT 1)`;
}

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
    const [row] = await queryRows<{ hash: string | null }>(db, Prisma.sql`SELECT ${chainHeadSql(null)} AS hash`);
    if (row?.hash) heads.set(null, row.hash);
  }
  return heads;
}

const TRACE_COLUMNS = Prisma.raw(
  "patientId, actorKind, actorId, actorName, actorProfession, actorStructure, action, documentId, mode, justification, outcome, reason, detail, at, ipAddress, prevHash, hash",
);

/** Every Trace column but the id, in TRACE_COLUMNS's order, the last two given as SQL. */
function traceValues(t: TNormalizedTrace, prevHash: Prisma.Sql | string, hash: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`${t.patientId}, ${t.actorKind}, ${t.actorId}, ${t.actorName}, ${t.actorProfession}, ${t.actorStructure}, ${t.action}, ${t.documentId}, ${t.mode}, ${t.justification}, ${t.outcome}, ${t.reason}, ${t.detail}, ${t.at}, ${t.ipAddress}, ${prevHash}, ${hash}`;
}

/**
 * The one INSERT that appends these traces, in input order (several traces of one chain
 * link to each other), to chains whose heads are `heads` (readChainHeads), hashed here.
 * The caller makes sure nobody appends in between (PostgreSQL: the chain locks of
 * appendTraces).
 */
export function traceInsertSql(inputs: readonly TTraceInput[], heads: ReadonlyMap<TChain, string>): Prisma.Sql {
  const last = new Map<TChain, string>();
  const rows = inputs.map((input) => {
    const t = normalizeTrace(input);
    const prevHash = last.get(t.patientId) ?? heads.get(t.patientId) ?? GENESIS_HASH;
    const hash = traceHash(prevHash, t);
    last.set(t.patientId, hash);
    return Prisma.sql`(${traceValues(t, prevHash, hash)})`;
  });
  // One INSERT for all rows, in order: the chain follows the id.
  return Prisma.sql`INSERT INTO Trace (${TRACE_COLUMNS}) VALUES ${Prisma.join(rows)}`;
}

/** More rows than this in one chained INSERT would exceed SQLite's compound SELECT limit (500). */
const MAX_CHAINED_ROWS = 400;

/**
 * SQLite: the one INSERT that appends these traces, in input order, each chained to its
 * chain's head as the statement itself reads it, and hashed by the statement
 * (dmp_sha256, registered on each connection by lib/db/sqlite-connections): SQLite takes
 * its write lock before a writing statement reads anything, so no other connection or
 * process can append between the read and the insert, with or without a transaction.
 * A trace of a chain already appended to earlier in the list links to that one. Same rows
 * as traceInsertSql on heads read just before.
 */
export function chainedTraceInsertSql(inputs: readonly TTraceInput[]): Prisma.Sql {
  if (inputs.length > MAX_CHAINED_ROWS) throw new Error(`Au plus ${MAX_CHAINED_ROWS} traces par écriture.`);
  const previous = new Map<TChain, string>();
  const steps: Prisma.Sql[] = [];
  const selects: Prisma.Sql[] = [];
  inputs.forEach((input, i) => {
    const t = normalizeTrace(input);
    const step = `r${i}`;
    const linked = previous.get(t.patientId);
    const head = linked !== undefined ? Prisma.raw(`(SELECT hash FROM ${linked})`) : Prisma.sql`COALESCE(${chainHeadSql(t.patientId)}, ${GENESIS_HASH})`;
    previous.set(t.patientId, step);
    // MATERIALIZED: each step is computed once, whether the next step of its chain reads it or not.
    steps.push(Prisma.sql`${Prisma.raw(step)}(prevHash, hash) AS MATERIALIZED (SELECT p, dmp_sha256('["' || p || '",' || ${hashedTail(t)}) FROM (SELECT ${head} AS p))`);
    selects.push(Prisma.sql`SELECT ${traceValues(t, Prisma.raw(`${step}.prevHash`), Prisma.raw(`${step}.hash`))} FROM ${Prisma.raw(step)}`);
  });
  return Prisma.sql`WITH ${Prisma.join(steps)} INSERT INTO Trace (${TRACE_COLUMNS}) ${Prisma.join(selects, " UNION ALL ")}`;
}

/**
 * Appends traces to their records' chains, in input order (several traces of one record
 * chain to each other). Call it with the transaction that performs the action, so the
 * action and its traces commit together. Traces are never updated.
 * SQLite: one statement that reads the heads and inserts (chainedTraceInsertSql), atomic
 * alone, in a transaction or not. PostgreSQL (READ COMMITTED, several processes): two
 * statements could read the same head and both chain to it (a fork), so the append takes a
 * lock per chain, held to COMMIT, then reads the heads and inserts.
 */
export async function appendTraces(db: Db, inputs: readonly TTraceInput[]): Promise<void> {
  if (inputs.length === 0) return;
  if (dialectOf(db) !== "postgresql") {
    await executeSql(db, chainedTraceInsertSql(inputs));
    return;
  }
  if ("$transaction" in db) return db.$transaction((tx) => appendTraces(tx, inputs));
  await executeSql(db, await lockedTraceInsertSql(db, inputs));
}

/**
 * PostgreSQL, in a transaction: takes the locks of these traces' chains (in one order,
 * sorted, so two multi-record appends cannot deadlock), then returns the INSERT chained to
 * the heads read under them (traceInsertSql).
 */
export async function lockedTraceInsertSql(tx: Db, inputs: readonly TTraceInput[]): Promise<Prisma.Sql> {
  const chains = inputs.map((input) => input.patientId);
  for (const chain of [...new Set(chains.map((c) => c ?? ""))].sort()) await lockForTransaction(tx, `trace-chain:${chain}`);
  return traceInsertSql(inputs, await readChainHeads(tx, chains));
}

/** Appends one trace to the record's chain (see appendTraces). */
export async function appendTrace(db: Db, input: TTraceInput): Promise<void> {
  return appendTraces(db, [input]);
}
