import type { ArgType, SqlQuery, SqlResultSet } from "@prisma/driver-adapter-utils";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { serializedConnectionOf } from "./serialized-adapter";
import type { Db } from "./types";

/*
 * Raw SQL for the hot paths (issue 14): the statement goes straight to the SQLite driver
 * adapter (the connection of lib/db/serialized-adapter, with its lock and its busy wait)
 * instead of through Prisma's client pipeline, which costs ~0.2 ms of CPU a statement on
 * top of SQLite's own work (query plan from its WebAssembly compiler, tracing spans,
 * promise layers): a third of an ITI-65 request. The answer is what `$queryRaw` gives
 * (the same conversions by column type: raw-sql.integration.test.ts holds them equal on
 * every column of the schema). PostgreSQL, a client not made by createPrismaClient, a
 * transaction client once its transaction ended (bindTransactionClients), or an argument of
 * another kind go through Prisma as before.
 */

const ColumnType = { Int32: 0, Int64: 1, Float: 2, Double: 3, Numeric: 4, Boolean: 5, Character: 6, Text: 7, Date: 8, Time: 9, DateTime: 10, Json: 11, Enum: 12, Bytes: 13, Set: 14, Uuid: 15, UnknownNumber: 128 } as const;

type TQueryable = { queryRaw(query: SqlQuery): Promise<SqlResultSet>; executeRaw(query: SqlQuery): Promise<number> };

const isRootClient = (db: Db): db is PrismaClient => typeof (db as { $transaction?: unknown }).$transaction === "function";

/** The adapter factory given to the client (a transaction client reads its parent's). */
const factoryOf = (db: Db): unknown => (db as { _engineConfig?: { adapter?: unknown } })._engineConfig?.adapter;

type TStatementListener = (sql: string) => void | Promise<void>;

/** Who listens to the statements a client sends directly (statement counts: tests, lib/bench/api-cost). */
const listeners = new WeakMap<object, TStatementListener[]>();

/**
 * Calls `listener` with the SQL of every statement `db` sends directly (Prisma's "query"
 * events report only the others), before it runs, and waits for the promise it returns: a
 * test can act between two statements (another writer's row just before a transaction's
 * BEGIN IMMEDIATE). Returns the function that stops it.
 */
export function onDirectStatement(db: Db, listener: TStatementListener): () => void {
  const factory = factoryOf(db);
  if (!factory || typeof factory !== "object") return () => undefined;
  listeners.set(factory, [...(listeners.get(factory) ?? []), listener]);
  return () => listeners.set(factory, (listeners.get(factory) ?? []).filter((l) => l !== listener));
}

/** Runs the listeners of `db` (tests); undefined when there are none, so the hot path awaits nothing. */
function tell(db: Db, sql: string): Promise<void> | undefined {
  const factory = factoryOf(db);
  const heard = factory && typeof factory === "object" ? listeners.get(factory) : undefined;
  if (!heard || heard.length === 0) return undefined;
  return (async () => {
    for (const listener of heard) await listener(sql);
  })();
}

/** The SQLite transaction of each transaction client, bound when Prisma made the client (bindTransactionClients). */
const transactionOf = new WeakMap<object, TQueryable>();

type TItxFactory = { _createItxClient?: (this: unknown, transaction: unknown) => unknown };

/**
 * Makes `client` remember which SQLite transaction each of its transaction clients belongs
 * to. Prisma makes the client of `$transaction(async (tx) => …)` right after the transaction
 * began, while the connection's lock keeps every other transaction out (serialized-adapter),
 * so the transaction open at that moment is the client's own. Without this binding, a
 * transaction client kept after its transaction ended would send its statements into
 * whichever transaction another request had open; bound, it goes through Prisma, which
 * refuses a closed transaction. A Prisma without this internal method binds nothing, and its
 * transaction clients then always go through Prisma.
 */
export function bindTransactionClients(client: PrismaClient): void {
  const connectionOf = () => serializedConnectionOf(factoryOf(client));
  const target = client as unknown as TItxFactory;
  const make = target._createItxClient;
  if (typeof make !== "function") return;
  target._createItxClient = function (this: unknown, transaction: unknown) {
    const itx = make.call(this, transaction);
    const open = connectionOf()?.openTransaction;
    if (open && itx && typeof itx === "object") transactionOf.set(itx, open);
    return itx;
  };
}

/** Where a statement of `db` goes directly: the connection, or a transaction client's own transaction while it is open. */
function directQueryable(db: Db): TQueryable | null {
  const connection = serializedConnectionOf(factoryOf(db));
  if (!connection) return null;
  if (isRootClient(db)) return connection;
  const own = transactionOf.get(db);
  return own && own === connection.openTransaction ? own : null;
}

/** Whether `db`'s statements go straight to SQLite now (for the tests: a fallback would pass them too). */
export function runsDirectly(db: Db): boolean {
  return directQueryable(db) !== null;
}

const scalar = (scalarType: ArgType["scalarType"]): ArgType => ({ scalarType, arity: "scalar" });
const ARG_TYPES = { string: scalar("string"), int: scalar("int"), float: scalar("float"), bigint: scalar("bigint"), boolean: scalar("boolean"), datetime: scalar("datetime"), bytes: scalar("bytes"), unknown: scalar("unknown") };

/** Prisma.sql's values as the driver adapter takes them (it formats dates and booleans itself), or null for a kind Prisma alone handles. */
function toQuery(sql: Prisma.Sql): SqlQuery | null {
  const args: unknown[] = [];
  const argTypes: ArgType[] = [];
  for (const value of sql.values) {
    let type: ArgType;
    if (value === null || value === undefined) type = ARG_TYPES.unknown;
    else if (typeof value === "string") type = ARG_TYPES.string;
    else if (typeof value === "number") type = Number.isInteger(value) ? ARG_TYPES.int : ARG_TYPES.float;
    else if (typeof value === "bigint") type = ARG_TYPES.bigint;
    else if (typeof value === "boolean") type = ARG_TYPES.boolean;
    else if (value instanceof Date) type = ARG_TYPES.datetime;
    else if (value instanceof Uint8Array) type = ARG_TYPES.bytes;
    else return null;
    args.push(value ?? null);
    argTypes.push(type);
  }
  return { sql: sql.sql, args, argTypes };
}

/** One value as `$queryRaw` returns it for its column type (Prisma's own rules). */
function fromColumn(value: unknown, type: number): unknown {
  if (value === null) return null;
  switch (type) {
    case ColumnType.Int32:
      return Math.trunc(Number(value));
    case ColumnType.Int64:
      return BigInt(typeof value === "number" ? Math.trunc(value) : (value as string | bigint));
    case ColumnType.Boolean:
      return typeof value === "boolean" ? value : typeof value === "number" ? value === 1 : value === "true" || value === "1";
    case ColumnType.DateTime:
    case ColumnType.Date:
      return new Date(value as string);
    case ColumnType.Time:
      return new Date(`1970-01-01T${value as string}Z`);
    case ColumnType.Json:
      return JSON.parse(value as string);
    case ColumnType.Bytes:
      return Uint8Array.from(value as number[]);
    case ColumnType.Numeric:
      throw new Error("raw-sql : colonne NUMERIC non prise en charge (utiliser $queryRaw).");
    default:
      return value;
  }
}

type TRowMaker = (row: unknown[], types: readonly number[], convert: typeof fromColumn) => Record<string, unknown>;

/** One maker per list of column names (a statement's shape), made on its first result. */
const rowMakers = new Map<string, TRowMaker>();
const MAX_ROW_MAKERS = 1000;

/**
 * A function that turns a row into an object with an object literal of the statement's
 * columns. Setting 20 to 30 named members one by one under a key that changes at each step
 * cost ~10 µs a row (a V8 keyed store that cannot be cached); a literal of known keys gets
 * its object shape at once (issue 14). The names are written as JSON string literals, so any
 * alias is safe in the generated source.
 */
function rowMaker(columnNames: readonly string[]): TRowMaker {
  const key = columnNames.join("\u0000");
  let make = rowMakers.get(key);
  if (!make) {
    // In a literal, "__proto__": would set the prototype; the computed form defines a member of that name.
    const members = columnNames.map((name, c) => `${name === "__proto__" ? '["__proto__"]' : JSON.stringify(name)}: convert(row[${c}], types[${c}])`).join(", ");
    make = new Function("row", "types", "convert", `return { ${members} };`) as TRowMaker;
    if (rowMakers.size >= MAX_ROW_MAKERS) rowMakers.clear();
    rowMakers.set(key, make);
  }
  return make;
}

function toObjects<T>(result: SqlResultSet): T[] {
  const { columnNames, columnTypes, rows } = result;
  const make = rowMaker(columnNames);
  const out: T[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = make(rows[r] as unknown[], columnTypes, fromColumn) as T;
  return out;
}

/** `db.$queryRaw` of a Prisma.sql, straight to SQLite when it can. */
export async function queryRows<T>(db: Db, sql: Prisma.Sql): Promise<T[]> {
  const queryable = directQueryable(db);
  const query = queryable && toQuery(sql);
  if (!queryable || !query) return db.$queryRaw<T[]>(sql);
  const told = tell(db, query.sql);
  if (told) await told;
  return toObjects<T>(await queryable.queryRaw(query));
}

/** `db.$executeRaw` of a Prisma.sql (the number of rows changed), straight to SQLite when it can. */
export async function executeSql(db: Db, sql: Prisma.Sql): Promise<number> {
  const queryable = directQueryable(db);
  const query = queryable && toQuery(sql);
  if (!queryable || !query) return db.$executeRaw(sql);
  const told = tell(db, query.sql);
  if (told) await told;
  return queryable.executeRaw(query);
}

const control = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * `db.$transaction([db.$executeRaw(a), …])`: the statements in one transaction, all or
 * nothing, with their counts of changed rows. Straight to SQLite when it can.
 */
export async function executeAllOrNothing(db: PrismaClient, statements: Prisma.Sql[]): Promise<number[]> {
  const connection = serializedConnectionOf(factoryOf(db));
  const queries = connection ? statements.map(toQuery) : [];
  if (!connection || queries.some((q) => q === null)) return db.$transaction(statements.map((sql) => db.$executeRaw(sql)));
  await tell(db, "BEGIN IMMEDIATE");
  const transaction = await connection.startTransaction();
  const counts: number[] = [];
  try {
    for (const query of queries as SqlQuery[]) {
      await tell(db, query.sql);
      counts.push(await transaction.executeRaw(query));
    }
  } catch (error) {
    await transaction.executeRaw(control("ROLLBACK")).catch(() => undefined);
    await transaction.rollback();
    throw error;
  }
  // A failed COMMIT (a deferred constraint) rolls back and ends the transaction by itself (serialized-adapter).
  await tell(db, "COMMIT");
  await transaction.executeRaw(control("COMMIT"));
  await transaction.commit();
  return counts;
}
