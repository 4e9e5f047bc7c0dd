import type Database from "better-sqlite3";

/** A logged parameter as SQLite binds it (Prisma's query events give booleans and dates in JSON). */
function bindable(value: unknown): unknown {
  if (value === null || typeof value === "number" || typeof value === "string" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return JSON.stringify(value);
}

/**
 * SQLite's EXPLAIN QUERY PLAN of a statement from Prisma's query log (its params: the event's
 * JSON array), one line per step: a "SCAN <table>" reads the whole table (or index).
 * Used by the bench's plans (lib/bench/explain.ts) and by tests (lib/testing/query-plans.ts).
 */
export function sqliteQueryPlan(sqlite: Database.Database, sql: string, paramsJson: string): string[] {
  const params = (JSON.parse(paramsJson || "[]") as unknown[]).map(bindable);
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/** A statement that opens, ends or marks a transaction, which the statement counts and plans leave aside. */
export function isTransactionControl(sql: string): boolean {
  return /^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql.trim());
}
