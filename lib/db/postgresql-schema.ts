import fs from "node:fs";
import path from "node:path";

/**
 * A Prisma client is generated for one provider, and the provider is per schema file: the
 * PostgreSQL client comes from prisma/postgresql/schema.prisma, written from
 * prisma/schema.prisma by this function (same models, enums and comments; only the
 * generator output and the datasource differ). `npm run db:postgresql-schema` writes it;
 * a test fails when the file is out of date.
 */
export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRESQL_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:postgresql-schema`: do not edit.\n\n";

export function postgresqlSchemaFrom(sqliteSchema: string): string {
  const withOutput = sqliteSchema.replace(/(output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-postgresql"');
  if (withOutput === sqliteSchema) throw new Error("prisma/schema.prisma: generator output ../lib/generated/prisma not found");
  const withDatasource = withOutput.replace(/datasource db \{[^}]*\}/, 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/dmp"\n}');
  if (withDatasource === withOutput) throw new Error("prisma/schema.prisma: datasource block not found");
  return HEADER + withDatasource;
}

export function readPostgresqlSchema(root: string = process.cwd()): { expected: string; actual: string | null } {
  const expected = postgresqlSchemaFrom(fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8"));
  const file = path.join(root, POSTGRESQL_SCHEMA);
  return { expected, actual: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null };
}

export function writePostgresqlSchema(root: string = process.cwd()): boolean {
  const { expected, actual } = readPostgresqlSchema(root);
  if (expected === actual) return false;
  fs.mkdirSync(path.dirname(path.join(root, POSTGRESQL_SCHEMA)), { recursive: true });
  fs.writeFileSync(path.join(root, POSTGRESQL_SCHEMA), expected);
  return true;
}
