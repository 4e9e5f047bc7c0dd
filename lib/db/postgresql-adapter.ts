import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { quoteMixedCaseIdentifiers } from "./quote-identifiers";

const quotedQuery = (query: SqlQuery): SqlQuery => ({ ...query, sql: quoteMixedCaseIdentifiers(query.sql) });

function quotingTransaction(tx: Transaction): Transaction {
  return {
    get provider() {
      return tx.provider;
    },
    get adapterName() {
      return tx.adapterName;
    },
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(quotedQuery(query)),
    executeRaw: (query) => tx.executeRaw(quotedQuery(query)),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
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
