import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/testing/test-database";
import { databaseUrlOn, testPostgresqlUrl } from "@/lib/testing/postgresql-test-database";
import { applyPostgresqlMigrations, MigrationChecksumError, postgresqlMigrations } from "./postgresql-migrations";

// Both histories are applied to empty databases here, on the PostgreSQL test server.
const serverUrl = testPostgresqlUrl()!;
const database = `dmp_histories_${process.pid}`;
const url = databaseUrlOn(serverUrl, database);
let scratch: string;

async function onServer<T>(target: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-histories-"));
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE "${database}"`));
});

afterAll(async () => {
  await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  fs.rmSync(scratch, { recursive: true, force: true });
});

const BOOKKEEPING = "_prisma_migrations";

function sqliteColumns(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT m.name AS t, c.name AS c FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> ?`)
      .all(BOOKKEEPING) as { t: string; c: string }[];
    return rows.map((r) => `${r.t}.${r.c}`).sort();
  } finally {
    db.close();
  }
}

describe("the SQLite and PostgreSQL migration histories", () => {
  it("describe the same tables and columns", async () => {
    const file = path.join(scratch, "sqlite.db");
    applyMigrations(file);
    expect((await applyPostgresqlMigrations(url)).length).toBe(postgresqlMigrations().length);
    const pgColumns = await onServer(url, async (c) =>
      (
        await c.query<{ t: string; c: string }>(
          `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1`,
          [BOOKKEEPING],
        )
      ).rows
        .map((r) => `${r.t}.${r.c}`)
        .sort(),
    );
    expect(pgColumns.length).toBeGreaterThan(100);
    expect(pgColumns).toEqual(sqliteColumns(file));
  });

  it("apply a migration once, and refuse a database whose applied migration was edited since", async () => {
    expect(await applyPostgresqlMigrations(url)).toEqual([]);
    const edited = path.join(scratch, "edited");
    const [first] = postgresqlMigrations();
    fs.mkdirSync(path.join(edited, first!.name), { recursive: true });
    fs.writeFileSync(path.join(edited, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(applyPostgresqlMigrations(url, edited)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it("roll back a failing migration entirely and do not record it", async () => {
    const failing = path.join(scratch, "failing");
    for (const m of postgresqlMigrations()) {
      fs.mkdirSync(path.join(failing, m.name), { recursive: true });
      fs.writeFileSync(path.join(failing, m.name, "migration.sql"), m.sql);
    }
    fs.mkdirSync(path.join(failing, "99999999999999_broken"));
    fs.writeFileSync(path.join(failing, "99999999999999_broken", "migration.sql"), `CREATE TABLE "Half" (id TEXT);\nSELECT no_such_function();\n`);
    await expect(applyPostgresqlMigrations(url, failing)).rejects.toThrow(/99999999999999_broken/);
    const left = await onServer(url, async (c) => ({
      table: (await c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).rowCount,
      recorded: (await c.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`)).rowCount,
    }));
    expect(left).toEqual({ table: 0, recorded: 0 });
  });
});
