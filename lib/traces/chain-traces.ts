import { GENESIS_HASH, normalizeTrace, traceHash, type TNormalizedTrace, type TTraceInput } from "./append-trace";

export type TChainedTrace = TNormalizedTrace & { prevHash: string; hash: string };

/**
 * The rows appendTrace would write for these traces, one after the other, on a chain
 * that ends with `prevHash`, computed in memory so bulk loads (the seeds) can insert them
 * in one statement. Rows must then be inserted in this order (the chain follows the id).
 */
export function chainTraces(inputs: readonly TTraceInput[], prevHash: string = GENESIS_HASH): TChainedTrace[] {
  const rows: TChainedTrace[] = [];
  let prev = prevHash;
  for (const input of inputs) {
    const t = normalizeTrace(input);
    const hash = traceHash(prev, t);
    rows.push({ ...t, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}
