import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { isJobRunner } from "./single-runner";

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "single-runner" });
});

afterAll(async () => {
  await db?.cleanup();
});

/** isJobRunner asked by another process (another server) on the same database. */
function askFromAnotherProcess(url: string = db.url): boolean {
  const script = `import { isJobRunner } from "./lib/db/single-runner.ts"; isJobRunner(process.env.URL).then((r) => { console.log(r); process.exit(0); });`;
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, ["--eval", script], { env: { ...process.env, URL: url }, encoding: "utf8" });
  return result.stdout.trim() === "true";
}

describe("one server process runs the background jobs on PostgreSQL", () => {
  it("the first process to ask runs them, another process on the same database does not", async () => {
    expect(await isJobRunner(db.url)).toBe(true);
    expect(await isJobRunner(db.url)).toBe(true);
    expect(askFromAnotherProcess()).toBe(false);
    // The lock belongs to one database: a process alone on another one runs its jobs.
    const other = await createTestDatabase({ name: "single-runner-other" });
    try {
      expect(askFromAnotherProcess(other.url)).toBe(true);
    } finally {
      await other.cleanup();
    }
  });

  it("every process runs them on SQLite (one process per file)", async () => {
    expect(await isJobRunner("file:/tmp/any.db")).toBe(true);
  });
});
