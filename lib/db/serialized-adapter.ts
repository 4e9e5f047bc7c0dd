import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK|END)\b/i;

/** A first-come, first-served lock: acquire() resolves with the function that releases it. */
export class FifoLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => once(release));
    this.#tail = this.#tail.then(() => released);
    return ready;
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

/**
 * Runs a statement under the lock. While another process holds SQLite's write lock, the
 * statement gives this process's lock back between its attempts (see retryWhileBusy): the
 * reads queued behind a waiting write run meanwhile (WAL: a read never waits for a writer).
 */
function withLock<T>(lock: FifoLock, run: () => Promise<T>): Promise<T> {
  return retryWhileBusy(async () => {
    const release = await lock.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  });
}

/** How long a statement waits for another process's write lock before it fails. */
export const BUSY_WAIT_MS = 5000;

/** SQLite's "another connection holds the lock" (SQLITE_BUSY and its extended codes), as the driver adapter reports it. */
export function isBusyError(error: unknown): boolean {
  const cause = (error as { cause?: { originalCode?: unknown } } | null)?.cause;
  const code = cause?.originalCode ?? (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * Runs `attempt` again while another process holds the write lock: short sleeps that grow
 * to 2 ms, up to BUSY_WAIT_MS. A write transaction holds the lock for about a millisecond:
 * sleeps growing to 20 ms left the process idle long after the lock was free (a failed
 * attempt costs microseconds). `attempt` takes and gives back this process's own lock
 * itself, so the sleeps are not spent holding it: with several processes on one file (npm
 * run serve), every statement of a process used to wait behind its one write waiting for
 * another process. Waiting here, not in SQLite's busy timeout, keeps the event loop free:
 * better-sqlite3 is synchronous, and its busy timeout would freeze every request of the
 * process while another process writes (the connection's own timeout is 0, create-client.ts).
 */
async function retryWhileBusy<T>(attempt: () => Promise<T>): Promise<T> {
  const started = performance.now();
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error) || performance.now() - started > BUSY_WAIT_MS) throw error;
      const pause = Math.min(2, 0.25 * 2 ** n) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * The one SQLite connection is shared by every request, and an interactive transaction is
 * a BEGIN on it: a statement of another request issued while it is open would run inside
 * it (rolled back with it, reading its uncommitted rows). Here every statement outside a
 * transaction takes the lock a transaction holds from BEGIN to COMMIT/ROLLBACK, so it runs
 * before or after the transaction, never inside. (A second connection for transactions
 * would not do: better-sqlite3's busy wait is synchronous and would block the event loop
 * the transaction needs to finish.)
 */
class SerializedAdapter implements SqlDriverAdapter {
  readonly #inner: SqlDriverAdapter;
  readonly #lock = new FifoLock();
  /** The transaction open on the connection (at most one: it holds the lock), for lib/db/raw-sql. */
  #open: Transaction | null = null;

  readonly getConnectionInfo?: SqlDriverAdapter["getConnectionInfo"];

  constructor(inner: SqlDriverAdapter) {
    this.#inner = inner;
    // Optional in the interface: offered only when the wrapped adapter offers it.
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo!();
  }

  get provider() {
    return this.#inner.provider;
  }

  get adapterName() {
    return this.#inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return withLock(this.#lock, () => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return withLock(this.#lock, () => this.#inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return withLock(this.#lock, () => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite knows one level; the wrapped adapter refuses the others with Prisma's error.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") return this.#inner.startTransaction(isolationLevel);
    // The lock is kept once BEGIN IMMEDIATE succeeds (the transaction holds it to its end),
    // given back between attempts while another process writes.
    const { release, transaction } = await retryWhileBusy(async () => {
      const release = await this.#lock.acquire();
      try {
        return { release, transaction: await this.#beginImmediate() };
      } catch (error) {
        release();
        throw error;
      }
    });
    let ended = false;
    const end = (how: "commit" | "rollback") => {
      if (ended) return Promise.resolve();
      ended = true;
      this.#open = null;
      return transaction[how]().finally(release);
    };
    // Prisma sends COMMIT / ROLLBACK as statements, then calls commit() / rollback() only if
    // they succeeded: when one fails (a deferred constraint at COMMIT), roll back and end
    // here, or the connection would stay inside the transaction and the lock held forever.
    const endOnFailure = async (query: SqlQuery, error: unknown): Promise<never> => {
      if (ENDS_TRANSACTION.test(query.sql)) {
        await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
        await end("rollback");
      }
      throw error;
    };
    // The transaction's own statements go straight to the connection: it holds the lock.
    const open: Transaction = {
      get provider() {
        return transaction.provider;
      },
      get adapterName() {
        return transaction.adapterName;
      },
      options: transaction.options,
      queryRaw: (query) => transaction.queryRaw(query).catch((error: unknown) => endOnFailure(query, error)),
      executeRaw: (query) => transaction.executeRaw(query).catch((error: unknown) => endOnFailure(query, error)),
      commit: () => end("commit"),
      rollback: () => end("rollback"),
    };
    this.#open = open;
    return open;
  }

  /** The transaction open on this connection, if any (its statements need no lock). */
  get openTransaction(): Transaction | null {
    return this.#open;
  }

  /**
   * BEGIN IMMEDIATE, not the wrapped adapter's deferred BEGIN: with several server processes
   * on one file (npm run serve), a deferred transaction that read first and writes next
   * fails with SQLITE_BUSY when another process wrote in between (its snapshot is stale, and
   * the busy timeout cannot help). Taking the write lock at BEGIN makes the other processes'
   * transactions wait their turn in the busy timeout instead. Reads outside transactions
   * never wait (WAL). The transaction's statements go straight to the connection: this
   * process's lock is held until COMMIT or ROLLBACK.
   */
  async #beginImmediate(): Promise<Transaction> {
    const inner = this.#inner;
    await inner.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
    return {
      provider: inner.provider,
      adapterName: inner.adapterName,
      // Prisma sends COMMIT / ROLLBACK itself, then calls commit() / rollback().
      options: { usePhantomQuery: false },
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      commit: () => Promise.resolve(),
      rollback: () => Promise.resolve(),
    };
  }

  dispose(): Promise<void> {
    return this.#inner.dispose();
  }
}

/**
 * The connection each factory of serializeTransactions opened (Prisma opens one per client).
 * Kept on globalThis: a Next.js build may load this module once per bundle layer, and a
 * client made in one must be found from another.
 */
const connections: WeakMap<SqlDriverAdapterFactory, SerializedAdapter> = ((globalThis as { [key: symbol]: unknown })[Symbol.for("dmp.sqliteConnections")] ??=
  new WeakMap()) as WeakMap<SqlDriverAdapterFactory, SerializedAdapter>;

/** Wraps a driver adapter factory so that its connections serialize statements and transactions. */
export function serializeTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const serialized: SqlDriverAdapterFactory = {
    get provider() {
      return factory.provider;
    },
    get adapterName() {
      return factory.adapterName;
    },
    connect: async () => {
      const adapter = new SerializedAdapter(await factory.connect());
      connections.set(serialized, adapter);
      return adapter;
    },
  };
  return serialized;
}

/** The SQLite connection a factory of serializeTransactions opened, once Prisma has connected it. */
export function serializedConnectionOf(factory: unknown): Pick<SerializedAdapter, "queryRaw" | "executeRaw" | "startTransaction" | "openTransaction"> | null {
  return factory && typeof factory === "object" ? (connections.get(factory as SqlDriverAdapterFactory) ?? null) : null;
}
