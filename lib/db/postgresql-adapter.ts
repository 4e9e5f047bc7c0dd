import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { quoteMixedCaseIdentifiers } from "./quote-identifiers";

const quotedQuery = (query: SqlQuery): SqlQuery => ({ ...query, sql: quoteMixedCaseIdentifiers(query.sql) });

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK|END)\b/i;

function quotingTransaction(tx: Transaction): Transaction {
  let ended = false;
  const end = (how: "commit" | "rollback") => {
    if (ended) return Promise.resolve();
    ended = true;
    return tx[how]();
  };
  // Prisma sends COMMIT as a statement, then calls commit() (which gives the connection back
  // to the pool) only if it succeeded: when it fails (a deferred foreign key), roll back and
  // give the connection back here, or the pool would lose it for good.
  const endOnFailure = async (query: SqlQuery, error: unknown): Promise<never> => {
    if (ENDS_TRANSACTION.test(query.sql)) {
      await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
      await end("rollback");
    }
    throw error;
  };
  return {
    get provider() {
      return tx.provider;
    },
    get adapterName() {
      return tx.adapterName;
    },
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(quotedQuery(query)).catch((error: unknown) => endOnFailure(query, error)),
    executeRaw: (query) => tx.executeRaw(quotedQuery(query)).catch((error: unknown) => endOnFailure(query, error)),
    commit: () => end("commit"),
    rollback: () => end("rollback"),
  };
}

function quotingAdapter(inner: SqlDriverAdapter): SqlDriverAdapter {
  return {
    get provider() {
      return inner.provider;
    },
    get adapterName() {
      return inner.adapterName;
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    queryRaw: (query) => inner.queryRaw(quotedQuery(query)),
    executeRaw: (query) => inner.executeRaw(quotedQuery(query)),
    executeScript: (script) => inner.executeScript(quoteMixedCaseIdentifiers(script)),
    startTransaction: async (isolationLevel) => quotingTransaction(await inner.startTransaction(isolationLevel)),
    dispose: () => inner.dispose(),
  };
}

/**
 * Prisma's PostgreSQL driver adapter (a pool of `pg` connections: unlike the one SQLite
 * connection, transactions run on their own connection and need no serializing), with the
 * raw SQL's identifiers quoted for PostgreSQL (quote-identifiers.ts).
 */
export function postgresqlAdapter(url: string, options: { max?: number } = {}): SqlDriverAdapterFactory {
  const factory = new PrismaPg({ connectionString: url, max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return {
    provider: "postgres",
    get adapterName() {
      return factory.adapterName;
    },
    connect: async () => quotingAdapter(await factory.connect()),
  };
}
