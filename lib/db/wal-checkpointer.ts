import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * SQLite in WAL mode appends each commit to the log; a checkpoint copies the log's pages back
 * into the database file. By default the connection whose commit takes the log past 1,000
 * pages does it, inside that commit: better-sqlite3 being synchronous, the server's event
 * loop stopped 15–25 ms every ~100 record views (a trace touches ~10 pages of the Trace
 * table and its indexes) and every few FHIR bundles (issue 14, measured on the bench base:
 * one trace append 0.13 ms without the checkpoints, 0.35 ms on average with them, p99 20 ms).
 *
 * So the server's connections leave the checkpoints to a thread of the jobs process
 * (startWalCheckpointer, its own connection, PASSIVE: it never waits for nor blocks a reader
 * or a writer), and only checkpoint themselves past WAL_BACKSTOP_PAGES, should that thread
 * not run (scripts, tests, a stopped thread waiting to start again): the log cannot grow
 * without end.
 */
export const WAL_BACKSTOP_PAGES = 10_000;

/**
 * How often the thread checkpoints: a pass over a log already copied costs microseconds, so
 * passes are frequent and each copies little. (The log file itself still reaches ~50 MB during
 * the bench's feeds in bundles of 20, at 250 ms as at 100 ms: its size is a high-water mark, and
 * the log only starts again from its beginning when no reader is using it.)
 */
const DEFAULT_INTERVAL_MS = 100;

// Plain CommonJS run by the worker thread (eval: the server's bundle has no file to point at).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const Database = createRequire(workerData.requireFrom)("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = NORMAL");
let pages = 0;
let runs = 0;
const timer = setInterval(() => {
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    runs++;
    if (result && result.checkpointed > 0) pages += result.checkpointed;
    if (runs === 1) parentPort.postMessage({ firstPass: true });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
}, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message === "stats") parentPort.postMessage({ runs, pages });
  if (message === "stop") {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export type TWalCheckpointer = {
  /**
   * Checkpoint passes run and pages copied by the running thread, and how many times the
   * thread was started again after it stopped (what a test can observe of it).
   */
  stats(): Promise<{ runs: number; pages: number; restarts: number }>;
  stop(): Promise<void>;
};

/** First wait before starting a stopped thread again, doubled on each stop in a row up to the last. */
const RESTART_DELAYS_MS = { first: 500, max: 30_000 };

/**
 * Starts the checkpointing thread for the SQLite file `file` (one per server: the jobs
 * process). A thread that stops (the file unreadable for a moment, an error) is started
 * again after a growing delay: without it, the serving connections would checkpoint
 * themselves again, past the backstop, inside a request.
 */
export function startWalCheckpointer(file: string, intervalMs: number = DEFAULT_INTERVAL_MS): TWalCheckpointer {
  let stopping = false;
  let restarts = 0;
  let delay = RESTART_DELAYS_MS.first;
  let restartTimer: NodeJS.Timeout | null = null;
  /** Whether `worker` is still running (an exited thread answers nothing and never exits again). */
  let alive = true;
  let worker = spawn();

  function spawn(): Worker {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, intervalMs, requireFrom: path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json") },
    });
    // Never keeps the process alive on its own.
    w.unref();
    let logged = false;
    w.on("message", (message: { error?: string; firstPass?: boolean }) => {
      // This thread checkpoints: its next stop starts again from the shortest delay.
      if (message.firstPass) delay = RESTART_DELAYS_MS.first;
      if (message.error && !logged) {
        logged = true;
        console.error("Points de contrôle SQLite :", message.error);
      }
    });
    w.on("error", (error) => console.error("Points de contrôle SQLite : le fil s'est arrêté.", error.message));
    // One thread at a time: the next is spawned only once this one has exited.
    w.on("exit", () => {
      alive = false;
      if (stopping) return;
      console.error(`Points de contrôle SQLite : le fil redémarre dans ${delay} ms.`);
      restartTimer = setTimeout(() => {
        restartTimer = null;
        if (stopping) return;
        restarts++;
        worker = spawn();
        alive = true;
      }, delay);
      restartTimer.unref();
      delay = Math.min(delay * 2, RESTART_DELAYS_MS.max);
    });
    return w;
  }

  /** The running thread's answer to "stats"; zeros while it is down. */
  function threadStats(): Promise<{ runs: number; pages: number }> {
    const w = worker;
    if (!alive) return Promise.resolve({ runs: 0, pages: 0 });
    return new Promise((resolve) => {
      const done = (value: { runs: number; pages: number }) => {
        w.off("message", onMessage);
        w.off("exit", onExit);
        w.unref();
        resolve(value);
      };
      const onMessage = (message: { runs?: number; pages?: number }) => {
        if (message.runs !== undefined) done({ runs: message.runs, pages: message.pages ?? 0 });
      };
      const onExit = () => done({ runs: 0, pages: 0 });
      w.on("message", onMessage);
      w.once("exit", onExit);
      // Referenced while a caller waits for the answer (an unreferenced worker would let the process end first).
      w.ref();
      w.postMessage("stats");
    });
  }

  return {
    stats: async () => ({ ...(await threadStats()), restarts }),
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        if (restartTimer) clearTimeout(restartTimer);
        if (!alive) return resolve();
        worker.once("exit", () => resolve());
        worker.ref();
        worker.postMessage("stop");
      }),
  };
}
