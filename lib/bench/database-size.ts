import fs from "node:fs";
import pg from "pg";
import { databaseFile, isPostgresqlUrl } from "../db/database-url";

/**
 * The size of the benchmark database, for the report: on SQLite the file and its WAL, on
 * PostgreSQL pg_database_size (tables, indexes and TOAST of this database; the WAL belongs
 * to the whole cluster and is not counted). The report names the engine, so that a SQLite
 * and a PostgreSQL run can be put side by side.
 */
export type TDatabaseSize = { engine: "SQLite" | "PostgreSQL"; bytes: number; walBytes: number };

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export async function databaseSize(url: string): Promise<TDatabaseSize> {
  if (!isPostgresqlUrl(url)) {
    const file = databaseFile(url);
    return { engine: "SQLite", bytes: fileSize(file), walBytes: fileSize(`${file}-wal`) };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database())::text AS bytes");
    return { engine: "PostgreSQL", bytes: Number(rows[0]?.bytes ?? 0), walBytes: 0 };
  } finally {
    await client.end();
  }
}

/** « fichier SQLite 3.50 Go (+ WAL 1.2 Mo) » or « base PostgreSQL 5.10 Go (pg_database_size) ». */
export function describeDatabaseSize(size: TDatabaseSize): string {
  const gb = (size.bytes / 1e9).toFixed(2);
  if (size.engine === "PostgreSQL") return `base PostgreSQL ${gb} Go (pg_database_size)`;
  return `fichier SQLite ${gb} Go (+ WAL ${(size.walBytes / 1e6).toFixed(1)} Mo)`;
}
