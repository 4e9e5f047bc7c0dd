/**
 * Prepared statements kept by SQL text (issue 14): the better-sqlite3 driver adapter
 * prepares every statement again on each call (`prepare(sql).bind(args)`), and compiling
 * SQL cost as much CPU as running it on the API's hot paths (ITI-65 runs ~10 statements a
 * request). Here the connection's `prepare` hands out a cached statement instead, with the
 * arguments passed at each run rather than bound once (a bound better-sqlite3 statement
 * cannot be bound again). better-sqlite3 runs a statement to completion synchronously, so a
 * cached statement is never in use by two callers at once; SQLite recompiles it by itself
 * after a schema change.
 */

type TNativeStatement = {
  readonly reader: boolean;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  columns(): unknown[];
  raw(on?: boolean): TNativeStatement;
};
export type TDatabase = { prepare(sql: string): TNativeStatement };

/** Statements of distinct SQL texts kept per connection (multi-row INSERTs vary with the bundle size). */
export const MAX_CACHED_STATEMENTS = 500;

/**
 * What the adapter calls on a prepared statement, the arguments given at run time. Its
 * result columns are read once: the adapter asks for them on every query (names and declared
 * types), and better-sqlite3 builds them anew each time (~0.15 ms a page, issue 14). They only
 * change with the schema, which migrations change before the server opens its connection.
 */
function cachedStatement(statement: TNativeStatement) {
  let columns: unknown[] | undefined;
  const bound = (args: unknown[]) => ({
    reader: statement.reader,
    run: () => statement.run(args),
    columns: () => (columns ??= statement.columns()),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  });
  return {
    get reader() {
      return statement.reader;
    },
    bind: (args: unknown[]) => bound(Array.isArray(args) ? args : [args]),
    run: (...args: unknown[]) => statement.run(...args),
    all: (...args: unknown[]) => statement.all(...args),
    columns: () => (columns ??= statement.columns()),
    raw: (on?: boolean) => statement.raw(on),
  };
}

/** Replaces a better-sqlite3 connection's `prepare` with a bounded cache (least recently used out). */
export function cachePrepare(database: TDatabase, max = MAX_CACHED_STATEMENTS): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, ReturnType<typeof cachedStatement>>();
  (database as { prepare: unknown }).prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql); // re-inserted below: the Map's order is the recency order
    } else {
      statement = cachedStatement(prepare(sql));
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return statement;
  };
}
