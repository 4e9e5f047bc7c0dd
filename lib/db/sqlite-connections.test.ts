import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prepareSqliteConnections, sqliteSynchronous } from "./sqlite-connections";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-sqlite-connections-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** PRAGMA synchronous as a connection opened through prepareSqliteConnections reports it (1 NORMAL, 2 FULL). */
async function synchronousOf(level?: "NORMAL" | "FULL"): Promise<number> {
  const url = `file:${path.join(folder, `${level ?? "default"}.db`)}`;
  const db = new PrismaClient({ adapter: prepareSqliteConnections(new PrismaBetterSQLite3({ url }), level) });
  try {
    const [row] = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    return Number(row?.synchronous);
  } finally {
    await db.$disconnect();
  }
}

describe("SQLite connections", () => {
  it("commit without waiting for fsync by default (WAL, synchronous NORMAL), and fsync each commit when asked", async () => {
    expect(await synchronousOf()).toBe(1);
    expect(await synchronousOf("FULL")).toBe(2);
  });

  it("read the level from SQLITE_SYNCHRONOUS, NORMAL unless it says FULL", () => {
    expect(sqliteSynchronous({})).toBe("NORMAL");
    expect(sqliteSynchronous({ SQLITE_SYNCHRONOUS: " full " })).toBe("FULL");
    expect(sqliteSynchronous({ SQLITE_SYNCHRONOUS: "OFF" })).toBe("NORMAL");
  });

  it("know dmp_sha256, the SHA-256 of a text's UTF-8 bytes as Node computes it (NULL for NULL)", async () => {
    const db = new PrismaClient({ adapter: prepareSqliteConnections(new PrismaBetterSQLite3({ url: `file:${path.join(folder, "functions.db")}` })) });
    try {
      const text = '["' + "0".repeat(64) + '","Émile 😀 \\ \"",null]';
      const [row] = await db.$queryRaw<{ hash: string; none: string | null }[]>`SELECT dmp_sha256(${text}) AS hash, dmp_sha256(NULL) AS none`;
      expect(row).toEqual({ hash: createHash("sha256").update(text, "utf8").digest("hex"), none: null });
    } finally {
      await db.$disconnect();
    }
  });
});
