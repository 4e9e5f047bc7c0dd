import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The tests that use a database, again on PostgreSQL (npm run test:postgresql):
 * lib/testing/postgresql-global-setup.ts starts a throw-away cluster (PostgreSQL from the
 * distribution's packages) and createTestDatabase gives each test file its own database on
 * it. Every test file that calls createTestDatabase runs, plus the *.postgresql.test.ts
 * ones; tests that pure functions pass need no second engine.
 */
const SQLITE_ONLY: Record<string, string> = {
  "lib/sandbox/reset-demo-data.integration.test.ts": "the template file of SQLite (PostgreSQL twin: reset-demo-data.postgresql.test.ts)",
  "lib/testing/test-database.test.ts": "SQLite's applyMigrations (PostgreSQL: lib/db/migration-histories.postgresql.test.ts)",
  "lib/db/busy-wait.test.ts": "SQLite's write lock between processes (PostgreSQL: row locks, lib/traces/concurrent-append.postgresql.test.ts)",
  "lib/db/wal-checkpointer.test.ts": "SQLite's write-ahead log (PostgreSQL checkpoints by itself, off the application's processes)",
};

function databaseTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") found.push(...databaseTests(full));
    } else if (entry.name.endsWith(".postgresql.test.ts") || (entry.name.endsWith(".test.ts") && fs.readFileSync(full, "utf8").includes("createTestDatabase("))) {
      found.push(path.relative(import.meta.dirname, full).split(path.sep).join("/"));
    }
  }
  return found;
}

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") } },
  test: {
    include: databaseTests(path.join(import.meta.dirname, "lib")).filter((file) => !(file in SQLITE_ONLY)),
    environment: "node",
    pool: "forks",
    globalSetup: ["lib/testing/postgresql-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
