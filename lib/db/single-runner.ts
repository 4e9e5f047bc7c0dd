import pg from "pg";
import { databaseUrl, isPostgresqlUrl } from "./database-url";

/**
 * Several server processes on one PostgreSQL database each start the background loop
 * (notifications, reimbursement histories, trace seals): only one may run it, or a
 * notification would be sent twice. The runner is the process that holds a session-level
 * advisory lock on its own connection; if that process or its connection dies, the lock is
 * released and another process takes the turn at its next pass. On SQLite (one process
 * per file) every process is the runner.
 */
const JOBS_LOCK_KEY = 72707370;

const state = globalThis as unknown as { dmpJobsLock?: { client: pg.Client | null; connecting: Promise<boolean> | null } };

async function tryHoldLock(url: string): Promise<boolean> {
  const lock = (state.dmpJobsLock ??= { client: null, connecting: null });
  if (lock.client) return true;
  lock.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ held: boolean }>("SELECT pg_try_advisory_lock($1) AS held", [JOBS_LOCK_KEY]);
      if (!rows[0]?.held) {
        await client.end();
        return false;
      }
      // A lost connection loses the lock: ask again next time.
      client.on("error", () => {
        lock.client = null;
      });
      client.on("end", () => {
        lock.client = null;
      });
      lock.client = client;
      return true;
    } catch {
      await client.end().catch(() => undefined);
      return false;
    }
  })().finally(() => {
    lock.connecting = null;
  });
  return lock.connecting;
}

/** True when this process runs the background jobs now. */
export async function isJobRunner(url: string = databaseUrl()): Promise<boolean> {
  if (!isPostgresqlUrl(url)) return true;
  return tryHoldLock(url);
}
