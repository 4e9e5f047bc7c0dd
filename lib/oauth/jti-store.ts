/**
 * Client assertion ids already used, until they expire. Kept in memory: the schema has
 * no table for them and the simulator runs one server process (a restart forgets them,
 * but an assertion lives 5 minutes at most, so a replay window only exists across a
 * restart). A table (jti unique, expiresAt) would make it multi-process.
 */
const used = new Map<string, number>();
const MAX_ENTRIES = 100_000;

function sweep(nowMs: number): void {
  for (const [jti, expiresAt] of used) if (expiresAt <= nowMs) used.delete(jti);
}

/** Records the jti; false when it was already used (a replay). */
export function consumeJtiOnce(jti: string, expiresAtMs: number, nowMs: number = Date.now()): boolean {
  if (used.size > MAX_ENTRIES / 2) sweep(nowMs);
  const known = used.get(jti);
  if (known !== undefined && known > nowMs) return false;
  if (used.size >= MAX_ENTRIES) return false;
  used.set(jti, expiresAtMs);
  return true;
}
