import type { Db } from "./types";

/**
 * The engine behind a client or a transaction, for the few statements whose SQL differs
 * (PRAGMA vs SET, advisory locks). Prisma keeps the schema's provider on the client and on
 * the transactions it opens.
 */
export type TDialect = "sqlite" | "postgresql";

export function dialectOf(db: Db): TDialect {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/**
 * Foreign keys checked at COMMIT instead of after each statement, for the rest of the
 * transaction (rows put back or deleted in any table order). On PostgreSQL the
 * constraints are created DEFERRABLE INITIALLY IMMEDIATE (prisma/migrations-postgresql).
 */
export async function deferForeignKeys(tx: Db): Promise<void> {
  if (dialectOf(tx) === "postgresql") await tx.$executeRawUnsafe("SET CONSTRAINTS ALL DEFERRED");
  else await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
}

/**
 * Serializes, until the end of the transaction, the writers that pass the same key (one
 * record's trace chain, one subject's counter). SQLite has one writer at a time already
 * (and one connection here): nothing to do. PostgreSQL: a transaction-scoped advisory lock
 * on a 64-bit hash of the key.
 */
export async function lockForTransaction(tx: Db, key: string): Promise<void> {
  if (dialectOf(tx) !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
