/**
 * Several server processes on one SQLite file (npm run serve): a write of this process that
 * waits for another process's write lock must not hold up this process's reads, which WAL
 * lets run while another connection writes.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { executeSql, queryRows } from "./raw-sql";

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "busy-wait" });
  await db.prisma.$executeRawUnsafe("CREATE TABLE busy_probe (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
});

afterAll(async () => {
  await db?.cleanup();
});

const count = async () => Number((await queryRows<{ n: number | bigint }>(db.prisma, Prisma.sql`SELECT COUNT(*) AS n FROM busy_probe`))[0]?.n);

describe("a write waiting for another process's lock", () => {
  it("lets the reads of its own process run meanwhile, then writes once the lock is free", async () => {
    const other = new Database(db.file);
    other.exec("BEGIN IMMEDIATE");
    other.prepare("INSERT INTO busy_probe (v) VALUES ('autre processus')").run();
    // Queued first on this process's connection: it meets the other process's write lock.
    const write = executeSql(db.prisma, Prisma.sql`INSERT INTO busy_probe (v) VALUES ('ce processus')`);
    write.catch(() => undefined);
    const transaction = db.prisma.$transaction(async (tx) => tx.$executeRaw`INSERT INTO busy_probe (v) VALUES ('une transaction')`);
    transaction.catch(() => undefined);

    // Answered while the other process still holds its lock (it sees no uncommitted row).
    expect(await count()).toBe(0);

    other.exec("COMMIT");
    other.close();
    await expect(write).resolves.toBe(1);
    await expect(transaction).resolves.toBe(1);
    expect(await count()).toBe(3);
  });
});
