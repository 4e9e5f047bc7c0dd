import crypto, { type KeyObject } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import type { TSealKey } from "./seal-key";
import { platformNow } from "@/lib/clock/clock";

/** What a seal states, signed by the platform key. */
export type TSealStatement = { patientId: string | null; lastTraceId: number; hash: string; count: number; sealedAt: Date };

function sealPayload(s: TSealStatement): Buffer {
  return Buffer.from(JSON.stringify(["dmp-trace-seal-v1", s.patientId, s.lastTraceId, s.hash, s.count, s.sealedAt.toISOString()]));
}

export function signSeal(key: TSealKey, s: TSealStatement): string {
  return crypto.sign(null, sealPayload(s), key.privateKey).toString("base64url");
}

export function sealSignatureHolds(publicKey: KeyObject, s: TSealStatement & { signature: string }): boolean {
  return crypto.verify(null, sealPayload(s), publicKey, Buffer.from(s.signature, "base64url"));
}

/** The single row of an aggregate query. */
function single<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error("Requête d'agrégat sans ligne");
  return row;
}

/**
 * Traces looked at per sealing pass: bounds the work of one pass, which the event loop
 * waits for (5,000 freshly fed records: a 214 ms statement, then 5,000 signatures; the
 * requests of the process that runs the jobs stalled ~400 ms).
 */
const DEFAULT_WINDOW = 1_000;

/** Signatures computed between two yields to the event loop (Ed25519: ~50 µs each). */
const SIGNATURES_PER_SLICE = 250;

/** Lets timers and I/O run (a request waiting for the event loop) before going on. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type TChangedChain = {
  patientId: string | null;
  lastId: bigint | number;
  hash: string;
  sealedCount: bigint | number | null;
  added: bigint | number;
};

/**
 * Seals the head of every chain that received traces since the last pass, the next
 * `window` traces at most (call again while it returns more than 0). The new count is the
 * last seal's count plus the traces appended after it, so a chain shortened before its
 * last seal is never blessed by the next one. Returns the number of seals written and
 * whether every trace is now covered (false: call again for the next window).
 */
export async function sealChangedChains(
  db: PrismaClient,
  key: TSealKey,
  options: { now?: Date; window?: number } = {},
): Promise<{ seals: number; complete: boolean }> {
  const window = options.window ?? DEFAULT_WINDOW;
  // No transaction: traces are append-only, so what is read about ids up to a head never
  // changes, and other requests interleave with a long first pass instead of waiting for it.
  const { watermark } = single(await db.$queryRaw<{ watermark: bigint | number | null }[]>`SELECT MAX(lastTraceId) AS watermark FROM TraceSeal`);
  const from = Number(watermark ?? 0);
  const { upTo, seen } = single(await db.$queryRaw<{ upTo: bigint | number | null; seen: bigint | number }[]>`SELECT MAX(id) AS upTo, COUNT(*) AS seen FROM (SELECT id FROM Trace WHERE id > ${from} ORDER BY id LIMIT ${window}) AS w`);
  if (upTo === null) return { seals: 0, complete: true };
  // One statement for the window's chains (a statement per chain made a first pass over a
  // million records last hours): each changed chain's head, its hash, its last seal's count
  // and the traces appended since that seal, all through the (patientId, id) indexes (the
  // platform's chain has no patient: `=` or both NULL, which an index serves where
  // IS NOT DISTINCT FROM is not on PostgreSQL). The window's traces are read by id first (the
  // inner ORDER BY … LIMIT): grouped directly, SQLite walked the (patientId, id) index over
  // every record, ~100 ms on 100,000 records whatever the window's size.
  const changed = await db.$queryRaw<TChangedChain[]>`
    SELECT w.patientId, w.lastId, h.hash, s.count AS sealedCount,
      (SELECT COUNT(*) FROM Trace c
        WHERE (c.patientId = w.patientId OR (c.patientId IS NULL AND w.patientId IS NULL)) AND c.id > COALESCE(s.lastTraceId, 0) AND c.id <= w.lastId) AS added
    FROM (SELECT r.patientId, MAX(r.id) AS lastId FROM (SELECT patientId, id FROM Trace WHERE id > ${from} AND id <= ${Number(upTo)} ORDER BY id LIMIT ${window}) r GROUP BY r.patientId) w
    JOIN Trace h ON h.id = w.lastId
    LEFT JOIN TraceSeal s ON s.id = (SELECT l.id FROM TraceSeal l
      WHERE (l.patientId = w.patientId OR (l.patientId IS NULL AND w.patientId IS NULL)) ORDER BY l.id DESC LIMIT 1)`;
  const sealedAt = options.now ?? platformNow();
  const rows: Prisma.Sql[] = [];
  for (const chain of changed) {
    if (rows.length > 0 && rows.length % SIGNATURES_PER_SLICE === 0) await yieldToEventLoop();
    const statement = { patientId: chain.patientId, lastTraceId: Number(chain.lastId), hash: chain.hash, count: Number(chain.sealedCount ?? 0) + Number(chain.added), sealedAt };
    rows.push(Prisma.sql`(${statement.patientId}, ${statement.lastTraceId}, ${statement.hash}, ${statement.count}, ${signSeal(key, statement)}, ${key.keyId}, ${sealedAt})`);
  }
  // Inserted by slices: one statement's bound parameters stay within every engine's limit.
  for (let i = 0; i < rows.length; i += 1000) {
    await db.$executeRaw`INSERT INTO TraceSeal (patientId, lastTraceId, hash, count, signature, keyId, sealedAt) VALUES ${Prisma.join(rows.slice(i, i + 1000))}`;
  }
  return { seals: rows.length, complete: Number(seen) < window };
}

/**
 * Windows of `window` traces one after the other, yielding to the event loop between two
 * (Prisma's statements alone would not let a waiting request in), until every trace is
 * covered or `maxPasses` windows are done (the background job's budget: its next run goes
 * on). `onPass` hears the seals written so far after each incomplete window.
 */
export async function sealChangedChainsPaced(
  db: PrismaClient,
  key: TSealKey,
  options: { now?: Date; window?: number; maxPasses?: number; onPass?: (sealsSoFar: number, pass: number) => void } = {},
): Promise<{ seals: number; complete: boolean; passes: number }> {
  const maxPasses = options.maxPasses ?? 10;
  let seals = 0;
  for (let passes = 1; ; passes++) {
    const pass = await sealChangedChains(db, key, options);
    seals += pass.seals;
    if (pass.complete || passes >= maxPasses) return { seals, complete: pass.complete, passes };
    options.onPass?.(seals, passes);
    await yieldToEventLoop();
  }
}

/** Seals every chain up to its current head, pass after pass; `onPass` hears the seals written so far. */
export async function sealAllChains(
  db: PrismaClient,
  key: TSealKey,
  options: { now?: Date; window?: number; onPass?: (sealsSoFar: number, pass: number) => void } = {},
): Promise<number> {
  return (await sealChangedChainsPaced(db, key, { ...options, maxPasses: Infinity })).seals;
}

/** sealAllChains in large windows, saying how far it got every 10 windows and how long it took. */
export async function sealAllChainsLogged(db: PrismaClient, key: TSealKey, log: (message: string) => void): Promise<number> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
  const total = await sealAllChains(db, key, { window: 50_000, onPass: (sealed, pass) => pass % 10 === 0 && log(`  ${sealed} sceaux (${seconds()} s)`) });
  log(`Chaînes de traces scellées : ${total} sceaux en ${seconds()} s.`);
  return total;
}
