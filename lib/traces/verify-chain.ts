import type { Db } from "@/lib/db/types";
import { GENESIS_HASH, traceHash } from "./append-trace";
import type { TTraceAction } from "./trace-actions";

/**
 * Recomputes a record's trace chain. Returns the id of the first trace whose hash or link
 * does not hold, or null when the chain is intact.
 */
export async function verifyTraceChain(db: Db, patientId: string | null): Promise<number | null> {
  const traces = await db.trace.findMany({ where: { patientId }, orderBy: { id: "asc" } });
  let prev = GENESIS_HASH;
  for (const t of traces) {
    const expected = traceHash(prev, { ...t, action: t.action as TTraceAction });
    if (t.prevHash !== prev || t.hash !== expected) return t.id;
    prev = t.hash;
  }
  return null;
}
