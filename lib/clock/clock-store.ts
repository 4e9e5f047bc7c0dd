import type { Db } from "@/lib/db/types";
import { realNowMs } from "./clock";
import { GLOBAL_CLOCK, hasOwnOffset, offsetFor, replaceCachedOffsets, setCachedOffset } from "./offsets";

export type TClockState = {
  /** The namespace whose clock this is; null for the whole sandbox. */
  namespaceId: string | null;
  /** The sandbox time, ISO 8601. */
  now: string;
  /** Real time, ISO 8601. */
  realNow: string;
  offsetSeconds: number;
};

/** Loads every offset from the database into the in-process cache (start-up, after a reset). */
export async function loadClockOffsets(db: Db): Promise<void> {
  const rows = await db.sandboxClock.findMany({ select: { key: true, offsetMs: true } });
  replaceCachedOffsets(rows);
}

export function clockState(namespaceId: string | null): TClockState {
  const real = realNowMs();
  const offset = offsetFor(namespaceId);
  return { namespaceId, now: new Date(real + offset).toISOString(), realNow: new Date(real).toISOString(), offsetSeconds: Math.round(offset / 1000) };
}

/**
 * Moves one clock forward (never back): a namespace without its own offset starts from the
 * sandbox's, then keeps its own. Written to the database, then to the cache.
 */
export async function advanceClock(db: Db, namespaceId: string | null, byMs: number): Promise<TClockState> {
  const key = namespaceId ?? GLOBAL_CLOCK;
  const by = Math.max(0, byMs);
  const updatedAt = new Date(realNowMs());
  // One statement: parallel advances add up instead of overwriting each other.
  const row = await db.sandboxClock.upsert({
    where: { key },
    create: { key, offsetMs: offsetFor(namespaceId) + by, updatedAt },
    update: { offsetMs: { increment: by }, updatedAt },
  });
  // Parallel advances may come back in any order (PostgreSQL runs them on several
  // connections): an advance only adds, so the largest offset seen is the latest.
  const cached = namespaceId === null || hasOwnOffset(namespaceId) ? offsetFor(namespaceId) : row.offsetMs;
  setCachedOffset(key, Math.max(row.offsetMs, cached));
  return clockState(namespaceId);
}

/** Puts one clock back to real time (a namespace then follows the sandbox's clock again). */
export async function resetClock(db: Db, namespaceId: string | null): Promise<TClockState> {
  const key = namespaceId ?? GLOBAL_CLOCK;
  await db.sandboxClock.deleteMany({ where: { key } });
  setCachedOffset(key, null);
  return clockState(namespaceId);
}

/** Forgets a deleted namespace's clock. */
export async function dropNamespaceClock(db: Db, namespaceId: string): Promise<void> {
  await db.sandboxClock.deleteMany({ where: { key: namespaceId } });
  if (hasOwnOffset(namespaceId)) setCachedOffset(namespaceId, null);
}
