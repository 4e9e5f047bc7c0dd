import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { databaseFile, isPostgresqlUrl } from "@/lib/db/database-url";
import type { TSqlValue } from "./patient-rows";

/**
 * Where generate-large-database.ts writes: a SQLite file or a PostgreSQL database, both
 * already migrated and empty. The generator speaks one language to both, SQLite's
 * prepared INSERTs with `?`; each target makes a bulk load of it:
 * - SQLite: the statements themselves, in one transaction per batch, no journal on disk;
 * - PostgreSQL: the rows of each statement are buffered and sent by COPY at flush(), with
 *   the secondary indexes dropped during the load and foreign-key triggers off
 *   (session_replication_role = replica, when the role may), then rebuilt.
 * No intermediate file: a million patients are ~40 GB, and a copy would need twice that.
 */
export type TLargeSeedStatement = { run: (...values: (TSqlValue | TSqlValue[])[]) => void };

export type TLargeSeedTarget = {
  engine: "sqlite" | "postgresql";
  prepare: (sql: string) => TLargeSeedStatement;
  /** Runs fn as one unit of writing (a SQLite transaction; PostgreSQL buffers until flush). */
  transaction: <A = void>(fn: (arg: A) => void) => (arg: A) => void;
  /** Sends what was buffered (PostgreSQL); nothing to do on SQLite. */
  flush: () => Promise<void>;
  /** Rebuilds the dropped indexes, refreshes the planner's statistics, closes. */
  finish: (log: (message: string) => void) => Promise<void>;
  /** Closes without finishing (after a failure). */
  abort: () => Promise<void>;
};

/** Tables whose secondary indexes are dropped during the load and rebuilt after it. */
export const BULK_TABLES = ["Trace", "Document", "DocumentContent", "ReimbursementItem", "Notification", "ProfessionalAuthorization", "Beneficiary", "Patient"];

const alreadyFilled = (n: number) => new Error(`La base contient déjà ${n} patient(s) : utilisez une base neuve.`);

/** `database`: a postgresql:// URL, a `file:` URL or a SQLite file's path. */
export async function openLargeSeedTarget(database: string): Promise<TLargeSeedTarget> {
  return isPostgresqlUrl(database) ? openPostgresqlTarget(database) : openSqliteTarget(databaseFile(database));
}

function openSqliteTarget(file: string): TLargeSeedTarget {
  const db = new Database(file);
  const existing = db.prepare('SELECT COUNT(*) AS n FROM "Patient"').get() as { n: number };
  if (existing.n > 0) {
    db.close();
    throw alreadyFilled(existing.n);
  }
  // During the load: the rollback journal in memory (better-sqlite3's defensive mode
  // forbids none at all) and no sync to disk: a failed load means starting again from a
  // fresh file anyway. The file is switched to WAL at the end, the application's mode.
  db.pragma("journal_mode = MEMORY");
  db.pragma("synchronous = OFF");
  db.pragma("locking_mode = EXCLUSIVE");
  db.pragma("cache_size = -1000000");
  db.pragma("temp_store = MEMORY");
  // Building an index once from sorted data is much faster than growing it row by row:
  // keep the CREATE INDEX statements (whatever the migrations made them), drop, reload.
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => "?").join(", ")})`)
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  const blob = (v: TSqlValue) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
  return {
    engine: "sqlite",
    prepare: (sql) => {
      const statement = db.prepare(sql);
      return { run: (...values) => statement.run(...flatValues(values).map(blob)) };
    },
    transaction: (fn) => db.transaction(fn),
    flush: async () => {},
    finish: async (log) => {
      log(`Reconstruction de ${indexes.length} index…`);
      // SQLite may sort an index's keys on several threads (one per core).
      db.pragma(`threads = ${Math.max(1, os.availableParallelism())}`);
      const started = Date.now();
      for (const index of indexes) db.exec(index.sql);
      log(`Index reconstruits en ${((Date.now() - started) / 1000).toFixed(0)} s.`);
      // Approximate statistics for the query planner, cheap even on a big file.
      db.pragma("analysis_limit = 1000");
      db.exec("ANALYZE");
      db.pragma("locking_mode = NORMAL");
      db.pragma("journal_mode = WAL");
      db.close();
    },
    abort: async () => {
      db.close();
    },
  };
}

/** `run([a, b])` and `run(a, b)` bind the same values, as better-sqlite3 does. */
function flatValues(values: (TSqlValue | TSqlValue[])[]): TSqlValue[] {
  return values.length === 1 && Array.isArray(values[0]) ? values[0] : (values as TSqlValue[]);
}

type TCopyPlan = { table: string; columns: string[]; slots: ({ param: true } | { param: false; text: string })[] };

/**
 * `INSERT INTO "T" (a, b, c) VALUES (?, 1, 'X')` → the table, its columns and, for each
 * column, a bound parameter or a constant in COPY's text form. Only the generator's own
 * statements come here, whose constants are numbers, NULL and quoted words.
 */
export function copyPlanOf(sql: string): TCopyPlan {
  const match = /^INSERT INTO "(\w+)" \(([^)]*)\) VALUES \((.*)\)$/.exec(sql.trim());
  if (!match) throw new Error(`Instruction non prise en charge par le chargement PostgreSQL : ${sql}`);
  const columns = (match[2] as string).split(",").map((c) => c.trim());
  const values = (match[3] as string).split(",").map((v) => v.trim());
  if (columns.length !== values.length) throw new Error(`Colonnes et valeurs en nombre différent : ${sql}`);
  const slots = values.map((v) => {
    if (v === "?") return { param: true as const };
    if (v === "NULL") return { param: false as const, text: "\\N" };
    if (/^'[^'\\]*'$/.test(v)) return { param: false as const, text: v.slice(1, -1) };
    if (/^-?\d+(\.\d+)?$/.test(v)) return { param: false as const, text: v };
    throw new Error(`Constante non prise en charge par le chargement PostgreSQL : ${v}`);
  });
  return { table: match[1] as string, columns, slots };
}

/** One value in COPY's text format (booleans stored as 0/1 read as such by PostgreSQL). */
export function copyText(value: TSqlValue | bigint | boolean | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Uint8Array) return `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

async function openPostgresqlTarget(url: string): Promise<TLargeSeedTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: count } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "Patient"');
  const existing = Number(count[0]?.n ?? 0);
  if (existing > 0) {
    await client.end();
    throw alreadyFilled(existing);
  }
  await client.query("SET synchronous_commit = off");
  // Foreign keys are checked by triggers, row by row: a generated population is consistent
  // by construction. Only a superuser may switch them off; anyone else loads with them.
  await client.query("SET session_replication_role = replica").catch(() => {});
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [BULK_TABLES],
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);

  const buffers = new Map<TCopyPlan, string[]>();
  const flush = async () => {
    for (const [plan, lines] of buffers) {
      if (lines.length === 0) continue;
      const columns = plan.columns.map((c) => `"${c}"`).join(", ");
      await pipeline(Readable.from([lines.join("")]), client.query(copyFrom(`COPY "${plan.table}" (${columns}) FROM STDIN`)));
      buffers.set(plan, []);
    }
  };
  return {
    engine: "postgresql",
    prepare: (sql) => {
      const plan = copyPlanOf(sql);
      const lines: string[] = [];
      buffers.set(plan, lines);
      return {
        run: (...values) => {
          const params = flatValues(values);
          let k = 0;
          const fields = plan.slots.map((slot) => (slot.param ? copyText(params[k++]) : slot.text));
          if (k !== params.length) throw new Error(`${plan.table} : ${params.length} valeurs pour ${k} paramètres.`);
          (buffers.get(plan) as string[]).push(`${fields.join("\t")}\n`);
        },
      };
    },
    transaction: (fn) => fn,
    flush,
    finish: async (log) => {
      await flush();
      log(`Reconstruction de ${indexes.length} index…`);
      const started = Date.now();
      await client.query("SET maintenance_work_mem = '1GB'");
      await client.query("SET max_parallel_maintenance_workers = 2").catch(() => {});
      for (const index of indexes) await client.query(index.definition);
      log(`Index reconstruits en ${((Date.now() - started) / 1000).toFixed(0)} s.`);
      await client.query("ANALYZE");
      await client.end();
    },
    abort: async () => {
      await client.end();
    },
  };
}
