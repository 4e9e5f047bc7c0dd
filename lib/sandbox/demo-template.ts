import fs from "node:fs";
import Database from "better-sqlite3";
import { databaseFile, databaseUrl, isPostgresqlUrl } from "@/lib/db/database-url";
import { DEMO_TEMPLATE_SCHEMA } from "./postgresql-demo-template";

/**
 * The demo template: a copy of the database taken by `npm run db:prepare` right after the
 * seed, which the sandbox reset (reset-demo-data.ts) puts back. It lives next to the
 * database file (prisma/data/dmp.db.template by default; each e2e database has its own).
 */
export const DEMO_TEMPLATE_SUFFIX = ".template";

export function demoTemplateFile(url: string = databaseUrl()): string {
  // PostgreSQL keeps it in a schema of the database (postgresql-demo-template.ts): named for messages only.
  if (isPostgresqlUrl(url)) return `schéma ${DEMO_TEMPLATE_SCHEMA}`;
  return `${databaseFile(url)}${DEMO_TEMPLATE_SUFFIX}`;
}

/**
 * Writes the template of `dbFile`: VACUUM INTO makes one consistent, compact file (the WAL
 * included) without stopping readers; it is written aside and renamed, so a reset running
 * at the same time reads the old template or the new one, never half of one.
 */
export function writeDemoTemplate(dbFile: string, templateFile: string = `${dbFile}${DEMO_TEMPLATE_SUFFIX}`): void {
  const partial = `${templateFile}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const db = new Database(dbFile);
  try {
    db.prepare("VACUUM INTO ?").run(partial);
  } finally {
    db.close();
  }
  fs.renameSync(partial, templateFile);
}

function appliedMigrations(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`).all() as { migration_name: string }[];
    return new Set(rows.map((row) => row.migration_name));
  } finally {
    db.close();
  }
}

/** The migrations the database has and its template lacks (the template must then be migrated too). */
export function migrationsMissingFromTemplate(dbFile: string, templateFile: string): string[] {
  const inTemplate = appliedMigrations(templateFile);
  return [...appliedMigrations(dbFile)].filter((name) => !inTemplate.has(name)).sort();
}
