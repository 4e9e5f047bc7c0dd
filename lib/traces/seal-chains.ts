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

/** Traces looked at per sealing pass: bounds the work of one pass on a large database. */
const DEFAULT_WINDOW = 5_000;

type TChangedChain = { patientId: string | null; lastId: bigint | number };
type TLastSeal = { lastTraceId: bigint | number; count: bigint | number } | undefined;

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
  const changed = await db.$queryRaw<TChangedChain[]>`SELECT patientId, MAX(id) AS lastId FROM Trace WHERE id > ${from} AND id <= ${Number(upTo)} GROUP BY patientId`;
  const sealedAt = options.now ?? platformNow();
  const rows: Prisma.Sql[] = [];
  for (const chain of changed) {
    const lastTraceId = Number(chain.lastId);
    const [last] = await db.$queryRaw<TLastSeal[]>`SELECT lastTraceId, count FROM TraceSeal WHERE patientId IS NOT DISTINCT FROM ${chain.patientId} ORDER BY id DESC LIMIT 1`;
    const after = Number(last?.lastTraceId ?? 0);
    const { added } = single(await db.$queryRaw<{ added: bigint | number }[]>`SELECT COUNT(*) AS added FROM Trace WHERE patientId IS NOT DISTINCT FROM ${chain.patientId} AND id > ${after} AND id <= ${lastTraceId}`);
    const { hash } = single(await db.$queryRaw<{ hash: string }[]>`SELECT hash FROM Trace WHERE id = ${lastTraceId}`);
    const statement = { patientId: chain.patientId, lastTraceId, hash, count: Number(last?.count ?? 0) + Number(added), sealedAt };
    rows.push(
      Prisma.sql`(${statement.patientId}, ${lastTraceId}, ${hash}, ${statement.count}, ${signSeal(key, statement)}, ${key.keyId}, ${sealedAt})`,
    );
  }
  if (rows.length > 0) {
    await db.$executeRaw`INSERT INTO TraceSeal (patientId, lastTraceId, hash, count, signature, keyId, sealedAt) VALUES ${Prisma.join(rows)}`;
  }
  return { seals: rows.length, complete: Number(seen) < window };
}

/** Seals every chain up to its current head, pass after pass. */
export async function sealAllChains(db: PrismaClient, key: TSealKey, options: { now?: Date; window?: number } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const { seals, complete } = await sealChangedChains(db, key, options);
    total += seals;
    if (complete) return total;
  }
}
