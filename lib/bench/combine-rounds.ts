import type { TLoadResult } from "./load";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One result from the rounds of a measurement: counts and rates over the whole time, the
 * latency percentiles as the median of the rounds' (autocannon gives no histogram to merge),
 * the longest waits as the longest of all. `roundRates` keeps each round's rate.
 */
export function combineRounds(results: readonly TLoadResult[], rate: (r: TLoadResult) => number): TLoadResult & { roundRates: number[] } {
  const first = results[0];
  if (!first) throw new Error("combineRounds : aucun tour.");
  const sum = (f: (r: TLoadResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const durationSec = sum((r) => r.durationSec);
  const statusCounts: Record<string, number> = {};
  const maxByStatus: Record<string, number> = {};
  for (const r of results) {
    for (const [k, v] of Object.entries(r.statusCounts)) statusCounts[k] = (statusCounts[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.maxByStatus)) maxByStatus[k] = Math.max(maxByStatus[k] ?? 0, v);
  }
  return {
    requests: sum((r) => r.requests),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    durationSec: round2(durationSec),
    rps: round2(sum((r) => r.rps * r.durationSec) / durationSec),
    okPerSec: round2(sum((r) => r.okPerSec * r.durationSec) / durationSec),
    p50: median(results.map((r) => r.p50)),
    p95: median(results.map((r) => r.p95)),
    p99: median(results.map((r) => r.p99)),
    mean: round2(sum((r) => r.mean * r.requests) / Math.max(1, sum((r) => r.requests))),
    max: Math.max(...results.map((r) => r.max)),
    bytesPerResponse: first.bytesPerResponse,
    statusCounts,
    maxByStatus,
    clientLagMaxMs: Math.max(...results.map((r) => r.clientLagMaxMs)),
    slowerThan2s: sum((r) => r.slowerThan2s),
    // Within the round that had the slowest answer (each round's clock starts at 0).
    maxSentAtSec: results.reduce((slowest, r) => (r.max > slowest.max ? r : slowest), first).maxSentAtSec,
    roundRates: results.map(rate),
    ...(results.every((r) => r.serverCpuMs !== undefined) ? { serverCpuMs: sum((r) => r.serverCpuMs ?? 0) } : {}),
    ...(results.every((r) => r.machineStealMs !== undefined) ? { machineStealMs: sum((r) => r.machineStealMs ?? 0) } : {}),
  };
}

/** The server's CPU time per response (ms, two decimals), when the run measured it. */
export function cpuPerResponse(result: Pick<TLoadResult, "serverCpuMs" | "requests">): number | null {
  if (result.serverCpuMs === undefined || result.requests === 0) return null;
  return round2(result.serverCpuMs / result.requests);
}
