import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, ensureDatabaseFolder } from "./database-url";
import { BUSY_WAIT_MS, serializeTransactions } from "./serialized-adapter";

export type { PrismaClient };

/**
 * A Prisma client on the embedded SQLite file. Used by the server (through ./client)
 * and by scripts and tests, which may point it at their own database file.
 * The file is put in WAL mode by prisma/prepare.ts (the mode is stored in the file);
 * Statements outside a transaction wait while one is open on the connection
 * (see serialized-adapter.ts): a request never reads or writes inside another's transaction.
 * Another process's writes (npm run serve runs several) are waited for by the adapter,
 * asynchronously: SQLite's own busy timeout is 0, as its wait would block the event loop.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  ensureDatabaseFolder(url);
  const adapter = new PrismaBetterSQLite3({ url, timeout: 0 });
  // A transaction may wait for another process's write lock (BUSY_WAIT_MS) on top of this
  // process's queue: Prisma's default 2 s to start one would give up first.
  return new PrismaClient({ adapter: serializeTransactions(adapter), transactionOptions: { maxWait: BUSY_WAIT_MS + 5000 } });
}
