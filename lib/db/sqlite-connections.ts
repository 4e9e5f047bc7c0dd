import { createHash } from "node:crypto";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { cachePrepare, type TDatabase } from "./statement-cache";
import { WAL_BACKSTOP_PAGES } from "./wal-checkpointer";

type TSqliteDatabase = TDatabase & {
  pragma(source: string): unknown;
  function(name: string, options: { deterministic: boolean }, implementation: (text: unknown) => string | null): unknown;
};

/**
 * dmp_sha256(text): the hex SHA-256 of a text's UTF-8 bytes (NULL for NULL), as Node's
 * crypto computes it: the trace chain hashes each trace in the statement that reads the
 * chain's head (lib/traces chainedTraceInsertSql).
 */
export function registerSqlFunctions(database: Pick<TSqliteDatabase, "function">): void {
  database.function("dmp_sha256", { deterministic: true }, (text) => (text === null || text === undefined ? null : createHash("sha256").update(String(text), "utf8").digest("hex")));
}

/**
 * How each commit reaches the disk (PRAGMA synchronous). NORMAL by default: in WAL mode a
 * commit is then written to the log without waiting for fsync, which is only done at
 * checkpoints. better-sqlite3 is synchronous, so FULL's fsync on every commit blocked the
 * event loop ~0.9 ms per write (a record view's trace, every FHIR bundle) (issue 14). The
 * database stays consistent whatever happens; a crash of the process loses nothing; a power
 * loss or an OS crash may take back the last commits. SQLITE_SYNCHRONOUS=FULL keeps each
 * commit on disk before answering; PostgreSQL is the deployment for durable production use.
 */
export function sqliteSynchronous(env: Readonly<Record<string, string | undefined>> = process.env): "NORMAL" | "FULL" {
  return env.SQLITE_SYNCHRONOUS?.trim().toUpperCase() === "FULL" ? "FULL" : "NORMAL";
}

/**
 * Wraps the better-sqlite3 adapter factory: each connection it opens caches its prepared
 * statements (statement-cache.ts), commits as sqliteSynchronous() says, leaves the WAL's
 * checkpoints to the jobs process's thread up to WAL_BACKSTOP_PAGES (wal-checkpointer.ts)
 * and knows the platform's SQL functions (registerSqlFunctions).
 */
export function prepareSqliteConnections(factory: SqlDriverAdapterFactory, synchronous = sqliteSynchronous()): SqlDriverAdapterFactory {
  return {
    get provider() {
      return factory.provider;
    },
    get adapterName() {
      return factory.adapterName;
    },
    connect: async () => {
      const adapter = await factory.connect();
      // The adapter keeps its better-sqlite3 connection as `client` (not part of its typed API).
      const database = (adapter as unknown as { client?: TSqliteDatabase }).client;
      if (!database || typeof database.prepare !== "function" || typeof database.pragma !== "function" || typeof database.function !== "function") {
        throw new Error("Adaptateur SQLite inattendu : la connexion better-sqlite3 est introuvable.");
      }
      cachePrepare(database);
      database.pragma(`synchronous = ${synchronous}`);
      database.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
      registerSqlFunctions(database);
      return adapter;
    },
  };
}
