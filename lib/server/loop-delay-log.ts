import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

/** How often each process writes its line: what a line covers. */
export const LOOP_LOG_INTERVAL_MS = 1000;

/**
 * For the bench (DMP_LOOP_REPORT_DIR): each server process appends, every interval, the
 * longest delay its event loop took to come back to a timer during that interval, one JSON
 * line `{"t": epoch ms, "maxMs": …}` in `<dir>/<pid>.jsonl`. A request waits at least that
 * long whatever the admission did: the bench reads the lines of its overload window to tell
 * a stalled process from a long queue.
 */
export function startLoopDelayLog(dir: string, intervalMs = LOOP_LOG_INTERVAL_MS): { stop: () => void } {
  const file = path.join(dir, `${process.pid}.jsonl`);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const write = () => {
    // The histogram holds nanoseconds; empty (no sample yet) when max is 0.
    fs.appendFileSync(file, `${JSON.stringify({ t: Date.now(), maxMs: Math.round(histogram.max / 1e5) / 10 })}\n`);
    histogram.reset();
  };
  const timer = setInterval(write, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

/** The longest delay logged over [from, to] (epoch ms) in every process's file of `dir`; null when none. */
export function longestLoopDelayMs(dir: string, from: number, to: number, intervalMs = LOOP_LOG_INTERVAL_MS): number | null {
  let longest: number | null = null;
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(".jsonl"));
  } catch {
    return null;
  }
  for (const name of names) {
    for (const line of fs.readFileSync(path.join(dir, name), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { t: number; maxMs: number };
      // A line covers the interval before its time, (t − interval, t]: it counts when that overlaps the window.
      if (entry.t > from && entry.t - intervalMs < to) longest = Math.max(longest ?? 0, entry.maxMs);
    }
  }
  return longest;
}
