import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { databaseSize, describeDatabaseSize } from "./database-size";

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "bench-size" });
});

afterAll(async () => {
  await db.cleanup();
});

describe("databaseSize (the bench report's database line)", () => {
  it("measures the database the bench ran on, on either engine (PostgreSQL had no file: 0 Go)", async () => {
    const size = await databaseSize(db.url);
    expect(size.engine).toBe(db.engine === "postgresql" ? "PostgreSQL" : "SQLite");
    // A migrated, empty database already holds its tables and indexes.
    expect(size.bytes).toBeGreaterThan(50_000);
  });

  it("names the engine, so that SQLite and PostgreSQL reports can be put side by side", () => {
    expect(describeDatabaseSize({ engine: "SQLite", bytes: 3_500_000_000, walBytes: 1_200_000 })).toBe("fichier SQLite 3.50 Go (+ WAL 1.2 Mo)");
    expect(describeDatabaseSize({ engine: "PostgreSQL", bytes: 5_100_000_000, walBytes: 0 })).toBe("base PostgreSQL 5.10 Go (pg_database_size)");
  });
});
