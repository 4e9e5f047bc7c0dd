import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";

/**
 * The demo template on PostgreSQL: a schema of the same database (demo_template) holding a
 * copy of every data table, and of the sequences' positions, taken by `npm run db:prepare`
 * right after the seed. The SQLite twin is a file (demo-template.ts, reset-demo-data.ts).
 */
export const DEMO_TEMPLATE_SCHEMA = "demo_template";
const SEQUENCES = "_sequences";
const BOOKKEEPING = "_prisma_migrations";

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes the template of the database at `url`, in one transaction (a reset at the same time reads the old one or the new one). */
export async function writePostgresqlDemoTemplate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`,
      [BOOKKEEPING],
    );
    await client.query(`DROP SCHEMA IF EXISTS ${DEMO_TEMPLATE_SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA ${DEMO_TEMPLATE_SCHEMA}`);
    for (const { name } of rows) await client.query(`CREATE TABLE ${DEMO_TEMPLATE_SCHEMA}.${quoted(name)} AS TABLE public.${quoted(name)}`);
    await client.query(
      `CREATE TABLE ${DEMO_TEMPLATE_SCHEMA}.${SEQUENCES} AS SELECT sequencename AS name, last_value FROM pg_sequences WHERE schemaname = 'public'`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

export async function hasPostgresqlDemoTemplate(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2`, [DEMO_TEMPLATE_SCHEMA, SEQUENCES]);
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

type TColumnRow = { schema: string; tableName: string; columnName: string };

/** Every data table of public and of the template with its columns (null: no template). */
async function tablesOf(tx: Db): Promise<{ live: Map<string, string[]>; template: Map<string, string[]> | null }> {
  const rows = await tx.$queryRaw<TColumnRow[]>`
    SELECT CAST(c.table_schema AS TEXT) AS schema, CAST(c.table_name AS TEXT) AS "tableName", CAST(c.column_name AS TEXT) AS "columnName"
    FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema IN ('public', ${DEMO_TEMPLATE_SCHEMA}) AND t.table_type = 'BASE TABLE' AND c.table_name NOT IN (${BOOKKEEPING}, ${SEQUENCES})
    ORDER BY c.table_name, c.ordinal_position`;
  const live = new Map<string, string[]>();
  const template = new Map<string, string[]>();
  for (const row of rows) {
    const map = row.schema === "public" ? live : template;
    map.set(row.tableName, [...(map.get(row.tableName) ?? []), row.columnName]);
  }
  return { live, template: template.size > 0 ? template : null };
}

const sameNames = (a: readonly string[], b: readonly string[]) => [...a].sort().join("\n") === [...b].sort().join("\n");

export type TPostgresqlResetResult = { tables: number; rows: number } | "MISSING" | "OUTDATED";

/**
 * Puts the template's rows back, in one transaction of the application's client: every data
 * table emptied by one TRUNCATE (row triggers do not fire; the append-only TRUNCATE
 * triggers are disabled for this transaction only: DDL is transactional here), the rows
 * copied in with foreign keys checked at COMMIT, the sequences set where the template's were.
 * Other requests wait on the tables' locks and see the old data or the new, never a mix.
 */
export async function resetFromPostgresqlTemplate(prisma: PrismaClient): Promise<TPostgresqlResetResult> {
  return prisma.$transaction(
    async (tx) => {
      const { live, template } = await tablesOf(tx);
      if (!template) return "MISSING" as const;
      if (!sameNames([...live.keys()], [...template.keys()])) return "OUTDATED" as const;
      for (const [table, columns] of live) if (!sameNames(columns, template.get(table) ?? [])) return "OUTDATED" as const;
      const appendOnly = ["Trace", "TraceSeal"].filter((t) => live.has(t));
      for (const t of appendOnly) await tx.$executeRawUnsafe(`ALTER TABLE public.${quoted(t)} DISABLE TRIGGER ${quoted(`${t}_no_truncate`)}`);
      await tx.$executeRawUnsafe(`TRUNCATE ${[...live.keys()].map((t) => `public.${quoted(t)}`).join(", ")}`);
      // Enabled again before any row goes in (ALTER TABLE is refused once deferred checks are pending).
      for (const t of appendOnly) await tx.$executeRawUnsafe(`ALTER TABLE public.${quoted(t)} ENABLE TRIGGER ${quoted(`${t}_no_truncate`)}`);
      await tx.$executeRawUnsafe("SET CONSTRAINTS ALL DEFERRED");
      let rows = 0;
      for (const [table, columns] of live) {
        const list = columns.map(quoted).join(", ");
        rows += await tx.$executeRawUnsafe(`INSERT INTO public.${quoted(table)} (${list}) SELECT ${list} FROM ${DEMO_TEMPLATE_SCHEMA}.${quoted(table)}`);
      }
      // A sequence never used has no last_value: it starts again at its first value.
      await tx.$executeRawUnsafe(
        `SELECT setval(format('public.%I', s.name), COALESCE(s.last_value, 1), s.last_value IS NOT NULL) FROM ${DEMO_TEMPLATE_SCHEMA}.${SEQUENCES} s JOIN pg_sequences p ON p.schemaname = 'public' AND p.sequencename = s.name`,
      );
      return { tables: live.size, rows };
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
