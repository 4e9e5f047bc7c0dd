#!/usr/bin/env node
/**
 * Sums the test counts of every suite in a `npm test` log and prints one line:
 *   "N passed, N failed"
 * Vitest:     "      Tests  2 failed | 40 passed | 1 skipped (43)"
 * Playwright: "  12 passed (20.1s)", "  1 failed", "  1 flaky", "  1 interrupted"
 * A flaky test (passed on retry) counts as passed, an interrupted one as failed;
 * skipped tests and tsc/eslint output count as nothing.
 * Usage: node .ci/count-results.mjs <log file>   (or the log on stdin)
 */
import fs from "node:fs";
import { pathToFileURL } from "node:url";

// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

export function countResults(log) {
  let passed = 0;
  let failed = 0;
  for (const rawLine of log.replace(ANSI, "").split(/\r?\n|\r/)) {
    const line = rawLine.trim();

    const vitest = /^Tests\s+(.+?)\s+\(\d+\)$/.exec(line);
    if (vitest) {
      for (const part of vitest[1].split("|")) {
        const match = /^\s*(\d+)\s+(passed|failed)\b/.exec(part);
        if (!match) continue;
        if (match[2] === "passed") passed += Number(match[1]);
        else failed += Number(match[1]);
      }
      continue;
    }

    const playwright = /^(\d+)\s+(passed|failed|flaky|interrupted)(?:\s+\(.*\))?$/.exec(line);
    if (playwright) {
      const count = Number(playwright[1]);
      if (playwright[2] === "passed" || playwright[2] === "flaky") passed += count;
      else failed += count;
    }
  }
  return { passed, failed };
}

function main() {
  const file = process.argv[2];
  const log = file && file !== "-" ? fs.readFileSync(file, "utf8") : fs.readFileSync(0, "utf8");
  const { passed, failed } = countResults(log);
  console.log(`${passed} passed, ${failed} failed`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
