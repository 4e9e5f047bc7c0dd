import Database from "better-sqlite3";
import pg from "pg";

/**
 * Copies a large SQLite database made by generateLargeDatabase into a migrated, empty
 * PostgreSQL database: the generator stays one (fast, in-process, its rows exactly as
 * Prisma writes them), and PostgreSQL reads the same text values (ISO dates, 0/1 booleans,
 * enum names, BLOBs as bytea). Tables go in foreign-key order, by multi-row INSERTs of
 * bound parameters; the sequences then continue after the copied ids, and ANALYZE runs.
 */
const BOOKKEEPING = new Set(["_prisma_migrations", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"]);
const MAX_PARAMETERS = 60_000;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables in an order where every referenced table comes first (self-references aside). */
async function foreignKeyOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c WHERE c.contype = 'f'`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const r of rows) if (unquote(r.child) !== unquote(r.parent)) parents.get(unquote(r.child))?.add(unquote(r.parent));
  const ordered: string[] = [];
  const visit = (table: string, seen: Set<string>) => {
    if (ordered.includes(table) || seen.has(table)) return;
    seen.add(table);
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) visit(parent, seen);
    ordered.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

export async function copySqliteToPostgresql(file: string, url: string, log: (message: string) => void = () => {}): Promise<number> {
  const sqlite = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let total = 0;
  try {
    const names = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[])
      .map((r) => r.name)
      .filter((n) => !BOOKKEEPING.has(n));
    for (const table of await foreignKeyOrder(client, names)) {
      const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
      const head = `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) VALUES `;
      let batch: unknown[][] = [];
      let copied = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`).join(", ");
        await client.query(head + values, batch.flat());
        copied += batch.length;
        batch = [];
      };
      await client.query("BEGIN");
      for (const row of sqlite.prepare(`SELECT ${columns.map(quoted).join(", ")} FROM ${quoted(table)}`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(row.map((v) => (typeof v === "bigint" ? v.toString() : v)));
        if (batch.length >= perStatement) await flush();
      }
      await flush();
      await client.query("COMMIT");
      if (copied > 0) log(`  ${table} : ${copied} lignes`);
      total += copied;
    }
    // Serial ids (Trace, TraceSeal…) continue after the copied ones.
    const { rows: sequences } = await client.query<{ table: string; column: string }>(
      `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.column_default LIKE 'nextval(%'`,
    );
    for (const s of sequences) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quoted(s.column)}) FROM ${quoted(s.table)}), 0) + 1, false)`,
        [quoted(s.table), s.column],
      );
    }
    await client.query("ANALYZE");
    return total;
  } finally {
    sqlite.close();
    await client.end();
  }
}
