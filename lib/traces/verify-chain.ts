import type { Db } from "@/lib/db/types";
import { checkTraceChain } from "./verify-traces";

/**
 * Recomputes a record's trace chain. Returns the id of the first trace whose hash or link
 * does not hold, or null when the chain is intact (the seal is checked by checkTraceChain).
 */
export async function verifyTraceChain(db: Db, patientId: string | null): Promise<number | null> {
  return (await checkTraceChain(db, patientId, null)).brokenLink?.traceId ?? null;
}
