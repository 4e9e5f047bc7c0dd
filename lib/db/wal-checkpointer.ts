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
 * not run (scripts, tests, a thread that stopped): the log cannot grow without end.
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
  /** Checkpoint passes run and pages copied so far (what a test can observe of the thread). */
  stats(): Promise<{ runs: number; pages: number }>;
  stop(): Promise<void>;
};

/** Starts the checkpointing thread for the SQLite file `file` (one per server: the jobs process). */
export function startWalCheckpointer(file: string, intervalMs: number = DEFAULT_INTERVAL_MS): TWalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, intervalMs, requireFrom: path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json") },
  });
  // Never keeps the process alive on its own.
  worker.unref();
  let logged = false;
  worker.on("message", (message: { error?: string }) => {
    if (message.error && !logged) {
      logged = true;
      console.error("Points de contrôle SQLite :", message.error);
    }
  });
  worker.on("error", (error) => console.error("Points de contrôle SQLite : le fil s'est arrêté.", error.message));
  return {
    stats: () =>
      new Promise((resolve) => {
        const onMessage = (message: { runs?: number; pages?: number }) => {
          if (message.runs === undefined) return;
          worker.off("message", onMessage);
          worker.unref();
          resolve({ runs: message.runs, pages: message.pages ?? 0 });
        };
        worker.on("message", onMessage);
        // Referenced while a caller waits for the answer (an unreferenced worker would let the process end first).
        worker.ref();
        worker.postMessage("stats");
      }),
    stop: () =>
      new Promise((resolve) => {
        worker.once("exit", () => resolve());
        worker.ref();
        worker.postMessage("stop");
      }),
  };
}
