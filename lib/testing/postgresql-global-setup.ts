import net from "node:net";
import pg from "pg";
import { applyPostgresqlMigrations } from "@/lib/db/postgresql-migrations";
import { startPostgresCluster, type TPostgresCluster } from "./postgres-cluster";
import { databaseUrlOn, MIGRATED_TEMPLATE_DATABASE } from "./postgresql-test-database";

/** A free local port, chosen by the system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * vitest global setup of the PostgreSQL project: a throw-away cluster (or the server
 * TEST_POSTGRESQL_URL already names), one database migrated with
 * prisma/migrations-postgresql that each test file copies, the cluster stopped at the end.
 */
export default async function setup(): Promise<() => void> {
  let cluster: TPostgresCluster | null = null;
  let serverUrl = process.env.TEST_POSTGRESQL_URL;
  if (!serverUrl) {
    cluster = startPostgresCluster({ port: Number(process.env.TEST_POSTGRESQL_PORT ?? 0) || (await freePort()) });
    serverUrl = cluster.url;
  }
  try {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${MIGRATED_TEMPLATE_DATABASE}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${MIGRATED_TEMPLATE_DATABASE}"`);
    } finally {
      await admin.end();
    }
    await applyPostgresqlMigrations(databaseUrlOn(serverUrl, MIGRATED_TEMPLATE_DATABASE));
  } catch (error) {
    // No cluster left running behind a failed setup.
    cluster?.stop();
    throw error;
  }
  // Read by the test workers (createTestDatabase), which inherit this environment.
  process.env.TEST_POSTGRESQL_URL = serverUrl;
  return () => cluster?.stop();
}
