import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POSTGRESQL_MIGRATIONS_DIR, postgresqlMigrationSql } from "./postgresql-migrations";
import { postgresqlSchemaFrom, readPostgresqlSchema } from "./postgresql-schema";

describe("the PostgreSQL schema and history follow prisma/schema.prisma", () => {
  it("prisma/postgresql/schema.prisma is the one written from schema.prisma (npm run db:postgresql-schema)", () => {
    const { expected, actual } = readPostgresqlSchema();
    expect(actual).toBe(expected);
  });

  it("the PostgreSQL migrations reach the current schema (npm run db:new-migration -- <name> writes the missing one)", () => {
    const migrated = fs.readFileSync(path.join(POSTGRESQL_MIGRATIONS_DIR, "migrated-schema.prisma"), "utf8");
    expect(migrated).toBe(readPostgresqlSchema().expected);
  });

  it("changes only the provider and the client's folder", () => {
    const schema = postgresqlSchemaFrom('generator client {\n  output = "../lib/generated/prisma"\n}\ndatasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n}\n');
    expect(schema).toContain('output = "../../lib/generated/prisma-postgresql"');
    expect(schema).toContain('provider = "postgresql"');
    expect(schema).toContain("model A {\n  id Int @id\n}");
  });

  it("makes the foreign keys of a diff deferrable, as the sandbox deletion and reset need", () => {
    const diff = `ALTER TABLE "A" ADD CONSTRAINT "A_b_fkey" FOREIGN KEY ("b") REFERENCES "B"("id") ON DELETE CASCADE ON UPDATE CASCADE;\n`;
    expect(postgresqlMigrationSql(diff)).toBe(`ALTER TABLE "A" ADD CONSTRAINT "A_b_fkey" FOREIGN KEY ("b") REFERENCES "B"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;\n`);
  });
});
