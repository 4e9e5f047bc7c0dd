/**
 * The in-process copy of the sandbox clock's offsets (the database table SandboxClock is
 * the truth; lib/clock/clock-store.ts writes both). Key GLOBAL_CLOCK for the whole sandbox,
 * else a namespace id. On globalThis: instrumentation, routes and pages are bundled apart.
 */
export const GLOBAL_CLOCK = "*";

type TClockCache = { offsets: Map<string, number>; loaded: boolean; reload?: () => Promise<void> };
const holder = globalThis as unknown as { dmpClockCache?: TClockCache };
const cache: TClockCache = (holder.dmpClockCache ??= { offsets: new Map(), loaded: false });

/** The offset (ms) in force for a namespace: its own once it has one, else the sandbox's. */
export function offsetFor(namespaceId: string | null): number {
  if (namespaceId !== null) {
    const own = cache.offsets.get(namespaceId);
    if (own !== undefined) return own;
  }
  return cache.offsets.get(GLOBAL_CLOCK) ?? 0;
}

export function hasOwnOffset(namespaceId: string): boolean {
  return cache.offsets.has(namespaceId);
}

export function setCachedOffset(key: string, offsetMs: number | null): void {
  if (offsetMs === null) cache.offsets.delete(key);
  else cache.offsets.set(key, offsetMs);
}

export function replaceCachedOffsets(rows: { key: string; offsetMs: number }[]): void {
  cache.offsets = new Map(rows.map((r) => [r.key, r.offsetMs]));
  cache.loaded = true;
}

export function isClockLoaded(): boolean {
  return cache.loaded;
}

/** Called at start-up (instrumentation.ts) with the server's loader, so a cleared cache reloads itself. */
export function setClockReloader(reload: () => Promise<void>): void {
  cache.reload = reload;
}

/** Empties the cache (back to real time) and reloads it from the database when a loader is set. */
export function clearClockCache(): Promise<void> {
  cache.offsets = new Map();
  cache.loaded = false;
  return cache.reload ? cache.reload() : Promise.resolve();
}

/** The namespaces whose clock has its own offset (the others follow the sandbox's). */
export function namespacesWithOwnOffset(): string[] {
  return [...cache.offsets.keys()].filter((key) => key !== GLOBAL_CLOCK);
}
