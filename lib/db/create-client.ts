import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { databaseUrl, ensureDatabaseFolder, isPostgresqlUrl } from "./database-url";
import { postgresqlAdapter } from "./postgresql-adapter";
import { BUSY_WAIT_MS, serializeTransactions } from "./serialized-adapter";
import { prepareSqliteConnections } from "./sqlite-connections";
import { bindTransactionClients } from "./raw-sql";

export type { PrismaClient };

/**
 * A Prisma client on the database DATABASE_URL names (or `url`): the embedded SQLite file,
 * or a PostgreSQL server (postgresql://…). Used by the server (through ./client) and by
 * scripts and tests, which may point it at their own database.
 *
 * SQLite: the file is put in WAL mode by prisma/prepare.ts (the mode is stored in the file);
 * statements outside a transaction wait while one is open on the connection (see
 * serialized-adapter.ts): a request never reads or writes inside another's transaction.
 * Another process's writes (npm run serve runs several) are waited for by the adapter,
 * asynchronously: SQLite's own busy timeout is 0, as its wait would block the event loop.
 *
 * PostgreSQL: a client generated from prisma/postgresql/schema.prisma (the same models, see
 * postgresql-schema.ts): its API is the SQLite client's, hence the one type for both.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return buildClient(url, {});
}

/**
 * createPrismaClient with Prisma's query events on ($on("query")): the statement counts of
 * tests and of the bench (lib/db/raw-sql onDirectStatement reports the statements that
 * bypass Prisma).
 */
export function createQueryLoggingPrismaClient(url: string): PrismaClient<"query"> {
  return buildClient(url, { log: [{ emit: "event", level: "query" }] }) as unknown as PrismaClient<"query">;
}

function buildClient(url: string, options: { log?: { emit: "event"; level: "query" }[] }): PrismaClient {
  if (isPostgresqlUrl(url)) {
    // A burst of transactions queues for the pool's connections: wait longer than Prisma's 2 s.
    return new PostgresqlPrismaClient({
      adapter: postgresqlAdapter(url),
      transactionOptions: { maxWait: 15_000, timeout: 20_000 },
      ...options,
    }) as unknown as PrismaClient;
  }
  ensureDatabaseFolder(url);
  const adapter = new PrismaBetterSQLite3({ url, timeout: 0 });
  // A transaction may wait for another process's write lock (BUSY_WAIT_MS) on top of this
  // process's queue: Prisma's default 2 s to start one would give up first.
  const client = new PrismaClient({ adapter: serializeTransactions(prepareSqliteConnections(adapter)), transactionOptions: { maxWait: BUSY_WAIT_MS + 5000 }, ...options });
  bindTransactionClients(client);
  return client;
}
