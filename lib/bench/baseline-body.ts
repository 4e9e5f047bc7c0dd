/**
 * The benchmark's baseline (npm run bench): a fixed JSON body of a given size, built once
 * per size and kept, with no database access. The figures of the real routes are read as
 * ratios to it. Served by app/api/bench/baseline only when BENCH_BASELINE=1.
 */
const MAX_BYTES = 1_000_000;
const DEFAULT_BYTES = 50_000;
const cache = new Map<number, string>();

export function isBaselineEnabled(): boolean {
  return process.env.BENCH_BASELINE === "1";
}

/** Clamps a requested size (query string) to 1 kB..1 MB; 50 kB when absent or invalid. */
export function baselineSize(raw: string | null): number {
  const n = raw && /^\d{1,7}$/.test(raw) ? Number(raw) : DEFAULT_BYTES;
  return Math.min(MAX_BYTES, Math.max(1_000, n));
}

/** A document-list-like JSON body of about `bytes` bytes (same text every time). */
export function baselineBody(bytes: number): string {
  const known = cache.get(bytes);
  if (known) return known;
  const items: Record<string, unknown>[] = [];
  let size = 20;
  for (let i = 0; size < bytes; i++) {
    const item = {
      id: `bench-baseline-${String(i).padStart(6, "0")}`,
      typeCode: "11488-4",
      title: "Compte rendu de consultation",
      serviceDate: "2025-01-01T00:00:00.000Z",
      authorName: "Dr Camille Martin",
      structureName: "Centre hospitalier de référence",
      source: "HOSPITAL_FEED",
      hiddenFromPros: false,
    };
    items.push(item);
    size += JSON.stringify(item).length + 1;
  }
  const body = JSON.stringify({ items });
  cache.set(bytes, body);
  return body;
}
