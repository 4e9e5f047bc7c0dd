import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/lib/testing/source-files";

/**
 * Every time-dependent rule reads the platform clock (lib/clock/clock.ts): a `new Date()`
 * or `Date.now()` anywhere else in lib/ or app/ would escape the sandbox clock. The few
 * places that measure real durations (logs, benchmarks) or bookkeeping no rule reads are
 * listed here with their reason; tests set their own times and are not scanned.
 */
const ALLOWED: Record<string, string> = {
  "lib/bench/run.ts": "durations measured for the benchmark's log",
  "lib/jobs/background-jobs.ts": "the background loop's own schedule (seal every minute of real time)",
  "lib/server/loop-delay-log.ts": "the real time of each event-loop stall line, matched by the bench against its own clock",
  "lib/testing/test-database.ts": "migration bookkeeping of the test databases",
};

const DIRECT_TIME = /new Date\(\s*\)|Date\.now\(\s*\)/;


describe("the platform clock is the only source of time", () => {
  it("no file of lib/ or app/ outside lib/clock reads the real time directly (allow-list apart)", () => {
    const root = process.cwd();
    const offenders = [...sourceFiles(path.join(root, "lib")), ...sourceFiles(path.join(root, "app"))]
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .filter((file) => !file.startsWith("lib/clock/") && !(file in ALLOWED))
      .filter((file) => DIRECT_TIME.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(offenders, "use platformNow() / platformNowMs() from lib/clock/clock.ts").toEqual([]);
  });

  it("the allow-list names only files that still need it", () => {
    const stale = Object.keys(ALLOWED).filter((file) => !DIRECT_TIME.test(fs.readFileSync(path.join(process.cwd(), file), "utf8")));
    expect(stale).toEqual([]);
  });
});
