/**
 * `npm run serve` runs one server process per core on the same SQLite file: the lock of
 * serialized-adapter.ts only orders one process's statements, SQLite's own lock and busy
 * timeout must order the processes. Two processes write at once, in transactions that read
 * before they write: every write lands, no SQLITE_BUSY reaches the caller.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "cross-process-writes" });
  const raw = new Database(db.file);
  raw.pragma("journal_mode = WAL");
  raw.close();
});

afterAll(async () => {
  await db.cleanup();
});

type TWriter = { ready: Promise<void>; go: () => void; result: Promise<{ committed: number; errors: string[] }> };

/** A separate process with its own connection (lib/testing/concurrent-writer.ts), started on go(). */
function writer(label: string, count: number): TWriter {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "testing", "concurrent-writer.ts"), db.url, label, String(count)], {
    cwd: process.cwd(),
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.startsWith("ready\n")) markReady();
  });
  const result = new Promise<{ committed: number; errors: string[] }>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) return reject(new Error(`writer ${label} : code ${code} ${out.slice(-300)}`));
      resolve(JSON.parse(line) as { committed: number; errors: string[] });
    });
  });
  return { ready, go: () => child.stdin.end("go\n"), result };
}

describe("two server processes writing to the same database at once", () => {
  it("every transaction that reads then writes commits, without SQLITE_BUSY", async () => {
    const writers = [writer("a", 25), writer("b", 25)];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    const [a, b] = await Promise.all(writers.map((w) => w.result));
    expect({ a: [...new Set(a!.errors)], b: [...new Set(b!.errors)] }).toEqual({ a: [], b: [] });
    expect(a!.committed + b!.committed).toBe(50);
    expect(await db.prisma.usedClientAssertion.count()).toBe(100);
  }, 60_000);
});
