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

async function withLock<T>(lock: FifoLock, run: () => Promise<T>): Promise<T> {
  const release = await lock.acquire();
  try {
    return await run();
  } finally {
    release();
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
    const release = await this.#lock.acquire();
    let transaction: Transaction;
    try {
      transaction = await this.#inner.startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    let ended = false;
    const end = (how: "commit" | "rollback") => {
      if (ended) return Promise.resolve();
      ended = true;
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
    return {
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
  }

  dispose(): Promise<void> {
    return this.#inner.dispose();
  }
}

/** Wraps a driver adapter factory so that its connections serialize statements and transactions. */
export function serializeTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    get provider() {
      return factory.provider;
    },
    get adapterName() {
      return factory.adapterName;
    },
    connect: async () => new SerializedAdapter(await factory.connect()),
  };
}
