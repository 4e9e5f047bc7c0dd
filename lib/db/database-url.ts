import fs from "node:fs";
import path from "node:path";

/**
 * The embedded SQLite database. DATABASE_URL overrides it (tests and benchmarks use
 * their own files); the default lives next to the schema and is git-ignored.
 */
export function databaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv && fromEnv.trim() !== "") return fromEnv;
  return `file:${path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "data", "dmp.db")}`;
}

/** True for a PostgreSQL server's URL (postgresql://… or postgres://…); else the URL is a SQLite file. */
export function isPostgresqlUrl(url: string = databaseUrl()): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim());
}

/** The file path behind a `file:` URL, for code that must touch the file itself. */
export function databaseFile(url: string = databaseUrl()): string {
  if (isPostgresqlUrl(url)) throw new Error("Cette opération ne concerne qu'une base SQLite (DATABASE_URL=file:…), pas PostgreSQL.");
  const raw = url.replace(/^file:/, "");
  return path.isAbsolute(raw) ? raw : path.join(/*turbopackIgnore: true*/ process.cwd(), raw);
}

/** SQLite creates the file but not its folder: make sure the folder exists. */
export function ensureDatabaseFolder(url: string = databaseUrl()): void {
  if (url.includes(":memory:") || isPostgresqlUrl(url)) return;
  fs.mkdirSync(path.dirname(databaseFile(url)), { recursive: true });
}

/**
 * The folder of the files that belong with the database (session secret, trace sealing key,
 * demo card files): next to a SQLite file; for an in-memory database or a PostgreSQL server,
 * under prisma/data (one folder per server and database). Several server processes on one
 * machine read the same files; on several machines, share that folder.
 */
export function databaseDataFolder(url: string = databaseUrl()): string {
  const data = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "data");
  if (url.includes(":memory:")) return data;
  if (isPostgresqlUrl(url)) {
    const parsed = new URL(url);
    const name = `${parsed.hostname}-${parsed.port || "5432"}-${parsed.pathname.replace(/^\//, "") || "postgres"}`.replace(/[^a-zA-Z0-9._-]/g, "_");
    return path.join(data, "postgresql", name);
  }
  return path.dirname(databaseFile(url));
}
