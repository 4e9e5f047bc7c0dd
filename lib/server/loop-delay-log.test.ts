import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDirectories } from "@/lib/testing/temporary-directories";
import { longestLoopDelayMs, startLoopDelayLog } from "./loop-delay-log";

const tempDir = temporaryDirectories("dmp-loop-");

describe("startLoopDelayLog", () => {
  it("logs the event loop held by synchronous work as this process's longest delay", async () => {
    const dir = tempDir();
    const log = startLoopDelayLog(dir, 100);
    try {
      const from = Date.now();
      // The histogram's first tick only sets its starting point.
      await new Promise((resolve) => setTimeout(resolve, 50));
      // The loop is not back to its timers for 300 ms.
      const until = performance.now() + 300;
      while (performance.now() < until) {
        // busy
      }
      await expect.poll(() => longestLoopDelayMs(dir, from, Date.now(), 100), { timeout: 5000 }).toBeGreaterThanOrEqual(250);
      expect(fs.readdirSync(dir)).toEqual([`${process.pid}.jsonl`]);
    } finally {
      log.stop();
    }
  });
});

describe("longestLoopDelayMs", () => {
  it("takes the longest of every process's lines whose interval overlaps the window", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "11.jsonl"), ['{"t":1000,"maxMs":900}', '{"t":2000,"maxMs":40}', '{"t":3000,"maxMs":60}', ""].join("\n"));
    fs.writeFileSync(path.join(dir, "12.jsonl"), ['{"t":2000,"maxMs":120}', '{"t":4500,"maxMs":2000}'].join("\n"));
    // Window 1,500–3,200: the lines at 2,000, 3,000 and (its interval 3,000–4,000 overlapping the end) none at 4,500.
    expect(longestLoopDelayMs(dir, 1500, 3200, 1000)).toBe(120);
    // The line at 4,000–4,500's interval (3,500–4,500) overlaps a window ending at 3,600.
    expect(longestLoopDelayMs(dir, 1500, 3600, 1000)).toBe(2000);
  });

  it("is null for an empty or missing folder", () => {
    expect(longestLoopDelayMs(tempDir(), 0, Date.now())).toBeNull();
    expect(longestLoopDelayMs(path.join(os.tmpdir(), "dmp-loop-absent-folder"), 0, Date.now())).toBeNull();
  });
});
