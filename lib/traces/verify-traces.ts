import type { KeyObject } from "node:crypto";
import type { Db } from "@/lib/db/types";
import { GENESIS_HASH, traceHash } from "./append-trace";
import { sealSignatureHolds } from "./seal-chains";
import type { TTraceAction } from "./trace-actions";
import { platformNow } from "@/lib/clock/clock";

/** The first trace of a chain whose link or hash does not hold. */
export type TBrokenLink = {
  traceId: number;
  /** 1 for the chain's first trace. */
  position: number;
  expectedPrevHash: string;
  foundPrevHash: string;
  expectedHash: string;
  foundHash: string;
};

export type TSealProblemKind = "no-key" | "unknown-key" | "bad-signature" | "missing-head" | "rewritten" | "truncated" | "count-mismatch";

export type TSealCheck = {
  sealId: number;
  lastTraceId: number;
  count: number;
  sealedAt: Date;
  /** Null when the chain matches its last seal. */
  problem: TSealProblemKind | null;
  /** The traces found up to the sealed head (differs from count when truncated). */
  foundCount: number;
};

export type TChainCheck = {
  /** The record whose chain this is; null for the platform chain. */
  patientId: string | null;
  traceCount: number;
  brokenLink: TBrokenLink | null;
  /** The chain's last seal and what was found against it; null when never sealed. */
  seal: TSealCheck | null;
};

const PAGE = 5000;

/**
 * Walks one chain from its first trace, recomputing every hash and link, and checks it
 * against its last seal: signed by the platform key, same head hash, same number of
 * traces up to that head. A chain rewritten with consistent hashes fails the head hash;
 * a truncated one fails the count or loses its sealed head.
 */
export async function checkTraceChain(db: Db, patientId: string | null, publicKey: { key: KeyObject; keyId: string } | null): Promise<TChainCheck> {
  const seal = await db.traceSeal.findFirst({ where: { patientId }, orderBy: { id: "desc" } });
  let prev = GENESIS_HASH;
  let position = 0;
  let brokenLink: TBrokenLink | null = null;
  let countUpToSeal = 0;
  let sealedHeadHash: string | null = null;
  let after = 0;
  for (;;) {
    const page = await db.trace.findMany({ where: { patientId, id: { gt: after } }, orderBy: { id: "asc" }, take: PAGE });
    for (const t of page) {
      position += 1;
      const expectedHash = traceHash(prev, { ...t, action: t.action as TTraceAction });
      if (!brokenLink && (t.prevHash !== prev || t.hash !== expectedHash)) {
        brokenLink = { traceId: t.id, position, expectedPrevHash: prev, foundPrevHash: t.prevHash, expectedHash, foundHash: t.hash };
      }
      if (seal && t.id <= seal.lastTraceId) countUpToSeal += 1;
      if (seal && t.id === seal.lastTraceId) sealedHeadHash = t.hash;
      // Follow the stored hash: one altered trace is reported once, not as every later one.
      prev = t.hash;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return { patientId, traceCount: position, brokenLink, seal: seal ? checkSeal(seal, publicKey, sealedHeadHash, countUpToSeal) : null };
}

function checkSeal(
  seal: { id: number; patientId: string | null; lastTraceId: number; hash: string; count: number; signature: string; keyId: string; sealedAt: Date },
  publicKey: { key: KeyObject; keyId: string } | null,
  sealedHeadHash: string | null,
  foundCount: number,
): TSealCheck {
  const base = { sealId: seal.id, lastTraceId: seal.lastTraceId, count: seal.count, sealedAt: seal.sealedAt, foundCount };
  const problem = ((): TSealProblemKind | null => {
    if (!publicKey) return "no-key";
    if (seal.keyId !== publicKey.keyId) return "unknown-key";
    if (!sealSignatureHolds(publicKey.key, seal)) return "bad-signature";
    if (sealedHeadHash === null) return "missing-head";
    if (sealedHeadHash !== seal.hash) return "rewritten";
    if (foundCount < seal.count) return "truncated";
    if (foundCount !== seal.count) return "count-mismatch";
    return null;
  })();
  return { ...base, problem };
}

export type TTraceVerification = {
  checkedAt: Date;
  chains: number;
  traces: number;
  sealedChains: number;
  /** The chains with a broken link or a seal that does not hold, first broken trace first. */
  failures: TChainCheck[];
};

/** Checks every chain: each record's and the platform's (see checkTraceChain). */
export async function verifyAllTraceChains(db: Db, publicKey: { key: KeyObject; keyId: string } | null): Promise<TTraceVerification> {
  // SQL DISTINCT on the indexes (Prisma's distinct would read every row into memory first).
  const chains = await db.$queryRaw<{ patientId: string | null }[]>`SELECT DISTINCT patientId FROM Trace UNION SELECT DISTINCT patientId FROM TraceSeal`;
  const chainIds = chains.map((c) => c.patientId);
  const result: TTraceVerification = { checkedAt: platformNow(), chains: 0, traces: 0, sealedChains: 0, failures: [] };
  for (const patientId of chainIds) {
    const check = await checkTraceChain(db, patientId, publicKey);
    result.chains += 1;
    result.traces += check.traceCount;
    if (check.seal) result.sealedChains += 1;
    if (check.brokenLink || check.seal?.problem) result.failures.push(check);
  }
  const firstId = (c: TChainCheck) => c.brokenLink?.traceId ?? c.seal?.lastTraceId ?? 0;
  result.failures.sort((a, b) => firstId(a) - firstId(b));
  return result;
}

/** The French sentence an operator reads for a seal problem. */
export const SEAL_PROBLEM_LABELS: Record<TSealProblemKind, string> = {
  "no-key": "clé de scellement de la plateforme absente : le sceau ne peut pas être vérifié",
  "unknown-key": "sceau signé par une autre clé que celle de la plateforme",
  "bad-signature": "signature du sceau invalide",
  "missing-head": "la trace scellée comme tête de chaîne a disparu (chaîne tronquée)",
  rewritten: "la trace scellée comme tête de chaîne n'a plus la même empreinte (chaîne réécrite)",
  truncated: "moins de traces que le sceau n'en compte (chaîne tronquée)",
  "count-mismatch": "plus de traces que le sceau n'en compte avant sa tête (traces insérées)",
};
