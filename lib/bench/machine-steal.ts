import fs from "node:fs";

/**
 * CPU time the hypervisor gave to other virtual machines ("steal", /proc/stat): on a shared
 * virtual machine the server can be paused for a while whatever it does, and a measurement
 * taken meanwhile says so here rather than being blamed on the code.
 */

/** Steal ticks of the machine's aggregate "cpu" line of /proc/stat (its 8th value), null when absent. */
export function parseStealTicks(procStat: string): number | null {
  const line = procStat.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) return null;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const steal = values[7];
  return steal === undefined || !Number.isFinite(steal) ? null : steal;
}

/** Steal so far (ms over all CPUs), from /proc/stat; null where there is none (not Linux). */
export function machineStealMs(clockTicksPerSec: number): number | null {
  try {
    const ticks = parseStealTicks(fs.readFileSync("/proc/stat", "utf8"));
    return ticks === null ? null : (ticks * 1000) / clockTicksPerSec;
  } catch {
    return null;
  }
}

/** The share of the machine's CPU time (all CPUs, over `durationSec`) that was stolen, in percent, one decimal. */
export function stealPercent(stealMs: number | undefined, durationSec: number, cpus: number): number | null {
  if (stealMs === undefined || !(durationSec > 0) || !(cpus > 0)) return null;
  return Math.round((stealMs / (durationSec * 1000 * cpus)) * 1000) / 10;
}
