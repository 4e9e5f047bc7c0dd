import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * The PostgreSQL migration history (prisma/migrations-postgresql), applied here rather than
 * by `prisma migrate deploy`, whose offline engine cannot apply PostgreSQL migrations.
 * It records them in Prisma's own table (_prisma_migrations: name, sha256 checksum, times),
 * refuses a database whose applied migration files were edited since, runs each migration
 * in its own transaction, and holds an advisory lock meanwhile so that two server
 * processes starting together do not both apply the same migration.
 */
export const POSTGRESQL_MIGRATIONS_DIR = path.join("prisma", "migrations-postgresql");

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * A diff of `prisma migrate diff` made ready for this history: foreign keys DEFERRABLE
 * (INITIALLY IMMEDIATE: checked per statement unless a transaction defers them, like
 * SQLite's PRAGMA defer_foreign_keys; see dialect.ts deferForeignKeys).
 */
export function postgresqlMigrationSql(diff: string): string {
  return diff.replace(/(FOREIGN KEY \([^;]*?ON UPDATE (?:CASCADE|RESTRICT|SET NULL|NO ACTION|SET DEFAULT));/g, "$1 DEFERRABLE INITIALLY IMMEDIATE;");
}

/** Any constant: the key of the advisory lock migrations hold. */
const MIGRATION_LOCK_KEY = 72707369;

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The migration folders, in the order of their names (the order they are applied in). */
export function postgresqlMigrations(dir: string = path.join(process.cwd(), POSTGRESQL_MIGRATIONS_DIR)): { name: string; sql: string }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export class MigrationChecksumError extends Error {
  constructor(name: string) {
    super(`La migration ${name} a été modifiée après avoir été appliquée à cette base (somme de contrôle différente) : rétablissez le fichier ou recréez la base.`);
    this.name = "MigrationChecksumError";
  }
}

/** Applies the migrations the database lacks; returns their names. */
export async function applyPostgresqlMigrations(url: string, dir?: string): Promise<string[]> {
  const migrations = postgresqlMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const done: string[] = [];
    for (const { name, sql } of migrations) {
      const checksum = migrationChecksum(sql);
      const recorded = applied.get(name);
      if (recorded !== undefined) {
        if (recorded !== checksum) throw new MigrationChecksumError(name);
        continue;
      }
      await client.query("BEGIN");
      try {
        // now() is the transaction's start, clock_timestamp() the end of the migration.
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, clock_timestamp(), $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Échec de la migration ${name} : ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      done.push(name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
