/**
 * Issue 14, growth: a foreign key's column leads an index. Without one, the database reads
 * the whole child table to find a parent's children: deleting a patient read every
 * FeedSubmission (1.8 million on the bench), deleting a sandbox establishment every
 * Document, and each row of a 20-document ITI-65 insert (a multi-row INSERT checks its
 * parents' children) every RectificationRequest.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "foreign-key-indexes" });
});
afterAll(async () => {
  await db?.cleanup();
});

/** "Table.column" of every foreign key whose column is not the first of an index of its table. */
async function unindexedForeignKeys(): Promise<string[]> {
  if (db.engine === "sqlite") {
    const sqlite = new Database(db.file, { readonly: true });
    try {
      const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
      return tables.flatMap((table) => {
        const leading = (sqlite.prepare(`PRAGMA index_list("${table}")`).all() as { name: string }[]).map(
          (index) => (sqlite.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string }[]).find((c) => c.seqno === 0)?.name,
        );
        return (sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { from: string }[]).filter((fk) => !leading.includes(fk.from)).map((fk) => `${table}.${fk.from}`);
      });
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string }>(`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS key
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])`);
    return rows.map((r) => r.key.replace(/"/g, ""));
  } finally {
    await client.end();
  }
}

describe("the schema", () => {
  it("gives every foreign key an index led by its column", async () => {
    expect(await unindexedForeignKeys()).toEqual([]);
  });

  it("sees the foreign keys it checks (the check above is not vacuous)", async () => {
    if (db.engine === "sqlite") {
      const sqlite = new Database(db.file, { readonly: true });
      try {
        expect((sqlite.prepare(`PRAGMA foreign_key_list("Document")`).all() as { from: string }[]).map((fk) => fk.from)).toContain("structureId");
      } finally {
        sqlite.close();
      }
    } else {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT 1 FROM pg_constraint WHERE contype = 'f' AND conrelid = '"Document"'::regclass`);
        expect(rows.length).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    }
  });
});
