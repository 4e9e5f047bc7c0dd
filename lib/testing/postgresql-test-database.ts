import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/create-client";
import { quoteMixedCaseIdentifiers } from "@/lib/db/quote-identifiers";
import type { TTestDatabase } from "./test-database";

/** The database every test database is copied from: migrated once per run by the global setup. */
export const MIGRATED_TEMPLATE_DATABASE = "dmp_migrated";

/** The test cluster's admin URL, set by lib/testing/postgresql-global-setup.ts; undefined on SQLite runs. */
export function testPostgresqlUrl(): string | undefined {
  const url = process.env.TEST_POSTGRESQL_URL;
  return url && url.trim() !== "" ? url : undefined;
}

export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new database, copied from the migrated template (CREATE DATABASE … TEMPLATE: a file copy, no migration replay). */
export async function createPostgresqlTestDatabase(options: { name?: string } = {}): Promise<TTestDatabase> {
  const serverUrl = testPostgresqlUrl();
  if (!serverUrl) throw new Error("TEST_POSTGRESQL_URL n'est pas défini.");
  const name = `dmp_${(options.name ?? "test").replace(/[^a-z0-9]/gi, "_").toLowerCase().slice(0, 30)}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${MIGRATED_TEMPLATE_DATABASE}"`));
  const url = databaseUrlOn(serverUrl, name);
  const prisma = createPrismaClient(url);
  let cleaned = false;
  return {
    url,
    file: "",
    engine: "postgresql",
    prisma,
    runOutsideApp: async (sql, ...params) => {
      let n = 0;
      const numbered = quoteMixedCaseIdentifiers(sql).replace(/\?/g, () => `$${++n}`);
      await onServer(url, (client) => client.query(numbered, params.length > 0 ? params : undefined));
    },
    cleanup: async () => {
      if (cleaned) return;
      cleaned = true;
      await prisma.$disconnect();
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
