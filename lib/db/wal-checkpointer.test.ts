/**
 * The server's SQLite connections leave the WAL's checkpoints to a thread (a checkpoint inside
 * a commit stopped the event loop 15–25 ms every ~1,000 pages of log), and the thread copies
 * the log back into the database without anyone waiting for it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { executeSql } from "./raw-sql";
import { startWalCheckpointer, WAL_BACKSTOP_PAGES } from "./wal-checkpointer";

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "wal-checkpointer" });
  // As prisma/prepare.ts leaves the server's file.
  const setup = new Database(db.file);
  setup.pragma("journal_mode = WAL");
  setup.close();
  await db.prisma.$executeRawUnsafe("CREATE TABLE wal_probe (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
});

afterAll(async () => {
  await db?.cleanup();
});

/** Pages the log file holds (it is reused from its start after a checkpoint, never shrunk) and pages of the database file. */
function pages(file: string): { wal: number; database: number } {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return { wal: Math.floor(Math.max(0, size(`${file}-wal`) - 32) / (4096 + 24)), database: Math.floor(size(file) / 4096) };
}

/** Commits of ~4 KB rows, one per statement, as many record views would. */
async function writePages(pages: number): Promise<void> {
  for (let i = 0; i < pages; i++) await executeSql(db.prisma, Prisma.sql`INSERT INTO wal_probe (v) VALUES (${"x".repeat(4000)})`);
}

describe("the WAL's checkpoints", () => {
  it("are not done by a serving connection's commit below the backstop", async () => {
    expect(WAL_BACKSTOP_PAGES).toBeGreaterThan(2_000);
    const before = pages(db.file);
    await writePages(1_500);
    const after = pages(db.file);
    // SQLite's default (1,000 pages) would have copied the log back and reused it from its start.
    expect(after.wal).toBeGreaterThanOrEqual(1_500);
    expect(after.database).toBe(before.database);
  });

  it("are done by the checkpointer's thread, which copies the log back into the database", async () => {
    const before = pages(db.file);
    const checkpointer = startWalCheckpointer(db.file, 20);
    try {
      // Polled: the thread copies on its own schedule.
      await expect.poll(async () => (await checkpointer.stats()).pages, { timeout: 10_000, interval: 25 }).toBeGreaterThanOrEqual(1_500);
      expect(pages(db.file).database).toBeGreaterThanOrEqual(before.database + 1_500);
      // And the server's connection still reads and writes.
      await writePages(10);
    } finally {
      await checkpointer.stop();
    }
  });

  it("go on after the thread stops: it is started again and checkpoints once the file opens", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // A file that does not exist yet: the thread stops at once (as after any failure).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wal-restart-")), "late.db");
    const checkpointer = startWalCheckpointer(file, 20);
    try {
      await expect.poll(async () => (await checkpointer.stats()).restarts, { timeout: 10_000, interval: 50 }).toBeGreaterThanOrEqual(1);
      const late = new Database(file);
      late.pragma("journal_mode = WAL");
      late.exec("CREATE TABLE t (v TEXT)");
      for (let i = 0; i < 50; i++) late.prepare("INSERT INTO t (v) VALUES (?)").run("x".repeat(4000));
      late.close();
      // Closing the last connection checkpoints too: write again through one that stays open.
      const writer = new Database(file);
      writer.pragma("wal_autocheckpoint = 0");
      for (let i = 0; i < 50; i++) writer.prepare("INSERT INTO t (v) VALUES (?)").run("y".repeat(4000));
      await expect.poll(async () => (await checkpointer.stats()).pages, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(50);
      writer.close();
      expect(errors.mock.calls.some((call) => String(call[0]).includes("redémarre"))).toBe(true);
    } finally {
      await checkpointer.stop();
      errors.mockRestore();
    }
  });
});

