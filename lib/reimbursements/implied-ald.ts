import { ALD_LABELS, aldOfCode, type TAld } from "./catalog";

/** A condition is inferred only from what recurs: one delivery or one act says nothing. */
const MIN_LINES = 3;

/**
 * The long-term conditions (ALD) the statement's lines imply: medicines, supplies, stays and
 * imaging that belong to the follow-up of one condition, seen at least three times. The
 * statement itself carries no ALD field; this is what a reader may infer, shown as such.
 */
export function impliedAlds(lines: readonly { actCode: string; quantity: number }[]): string[] {
  const counts = new Map<TAld, number>();
  for (const line of lines) {
    const ald = line.quantity > 0 ? aldOfCode(line.actCode) : null;
    if (ald) counts.set(ald, (counts.get(ald) ?? 0) + 1);
  }
  return (Object.keys(ALD_LABELS) as TAld[]).filter((ald) => (counts.get(ald) ?? 0) >= MIN_LINES).map((ald) => ALD_LABELS[ald]);
}
