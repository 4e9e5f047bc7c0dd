/**
 * Creates the next migration without `prisma migrate dev` (which needs a shadow database
 * engine that cannot be downloaded here): replay the existing migrations into a scratch
 * SQLite file, introspect it, diff against schema.prisma. Then the same change for
 * PostgreSQL (prisma/migrations-postgresql, same folder name): prisma/postgresql/schema.prisma
 * is written again from schema.prisma and diffed, offline, against the schema the
 * PostgreSQL history reaches (migrated-schema.prisma, updated here).
 *   npm run db:new-migration -- <name>
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { POSTGRESQL_SCHEMA, writePostgresqlSchema } from "../lib/db/postgresql-schema";
import { postgresqlMigrationSql, POSTGRESQL_MIGRATIONS_DIR } from "../lib/db/postgresql-migrations";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("Usage : npm run db:new-migration -- <nom>");
  process.exit(1);
}
const prismaBin = path.join("node_modules", ".bin", "prisma");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-migr-"));
const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, "replay.db")}` };

execFileSync(prismaBin, ["migrate", "deploy"], { env, stdio: "inherit" });
const pulled = execFileSync(prismaBin, ["db", "pull", "--print"], { env, encoding: "utf8" });
// stdout starts with an adapter warning before the schema itself.
// SQLite introspection writes enum defaults as strings (@default("OPEN")), which the
// schema validator rejects: unquote them on enum-typed fields.
const enumNames = new Set([...pulled.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((m) => m[1]));
const introspected = pulled
  .slice(pulled.search(/^(generator|datasource|model|enum)\b/m))
  .replace(/^([ \t]+\w+[ \t]+(\w+)\??[ \t].*@default\()"([A-Za-z0-9_]+)"\)/gm, (line, head: string, type: string, value: string) =>
    enumNames.has(type) ? `${head}${value})` : line,
  );
const introspectedPath = path.join(scratch, "introspected.prisma");
fs.writeFileSync(introspectedPath, introspected);
const sql = execFileSync(
  prismaBin,
  ["migrate", "diff", "--from-schema-datamodel", introspectedPath, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { env, encoding: "utf8" },
);
const changes = (script: string) => /\b(CREATE|ALTER|DROP|INSERT)\b/.test(script);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
if (changes(sql)) {
  const dir = path.join("prisma", "migrations", folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Migration écrite : ${dir}/migration.sql`);
} else {
  console.log("SQLite : aucune différence entre les migrations et schema.prisma.");
}

writePostgresqlSchema();
const migratedSchema = path.join(POSTGRESQL_MIGRATIONS_DIR, "migrated-schema.prisma");
const pgSql = execFileSync(
  prismaBin,
  ["migrate", "diff", "--from-schema-datamodel", migratedSchema, "--to-schema-datamodel", POSTGRESQL_SCHEMA, "--script"],
  { env, encoding: "utf8" },
);
if (changes(pgSql)) {
  const dir = path.join(POSTGRESQL_MIGRATIONS_DIR, folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), postgresqlMigrationSql(pgSql));
  fs.copyFileSync(POSTGRESQL_SCHEMA, migratedSchema);
  console.log(`Migration PostgreSQL écrite : ${dir}/migration.sql`);
} else {
  console.log("PostgreSQL : aucune différence entre les migrations et schema.prisma.");
}
