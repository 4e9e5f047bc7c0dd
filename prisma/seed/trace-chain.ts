import { GENESIS_HASH, traceHash, type TTraceInput } from "@/lib/traces/append-trace";

export type TChainedTrace = Required<Omit<TTraceInput, "at">> & { at: Date; prevHash: string; hash: string };

/**
 * The rows appendTrace would write for these traces, one after the other, on a chain
 * that ends with `prevHash`: the same normalization and the same traceHash, computed in
 * memory so bulk loads can insert them in one statement. Rows must then be inserted in
 * this order (the chain follows the autoincrement id).
 */
export function chainTraces(inputs: readonly TTraceInput[], prevHash: string = GENESIS_HASH): TChainedTrace[] {
  const rows: TChainedTrace[] = [];
  let prev = prevHash;
  for (const input of inputs) {
    const t = {
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
      // SQLite keeps milliseconds: hash what will be read back.
      at: new Date((input.at ?? new Date()).getTime()),
    };
    const hash = traceHash(prev, t);
    rows.push({ ...t, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}
