import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, createTestDatabase, type TTestDatabase } from "./test-database";

describe("createTestDatabase", () => {
  let db: TTestDatabase | undefined;
  afterAll(async () => db?.cleanup());

  it("gives a migrated database Prisma can use, and records the migrations", async () => {
    db = await createTestDatabase();
    const structure = await db.prisma.structure.create({
      data: { finess: "750000001", name: "Test", kind: "HOSPITAL", city: "Paris", department: "75" },
    });
    expect(await db.prisma.structure.findUnique({ where: { id: structure.id } })).not.toBeNull();
    const raw = new Database(db.file, { readonly: true });
    const rows = raw.prepare(`SELECT migration_name, finished_at FROM "_prisma_migrations"`).all();
    raw.close();
    expect(rows.length).toBeGreaterThan(0);
    // Applying again is a no-op.
    expect(applyMigrations(db.file)).toEqual([]);
  });
});
