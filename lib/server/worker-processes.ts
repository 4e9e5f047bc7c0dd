import { type ChildProcess, fork } from "node:child_process";
import { EventEmitter } from "node:events";
import { serverProcessStdio } from "./shared-listening-socket";

/**
 * The primary's list of server processes (`npm run serve`, lib/server/serve.ts): forked
 * with child_process rather than node:cluster, whose workers cannot listen on a descriptor
 * of their own (lib/server/shared-listening-socket.ts). Each process is forked from the
 * same script and arguments as the primary, with its extra environment (process-plan.ts)
 * and the shared socket's copies; it says `{ dmp: "listening" }` once it takes connections
 * (its `listening` promise then resolves).
 *
 * Events: "message" (worker, message), "exit" (worker, code, signal).
 */
export type TServerWorker = { id: number; index: number; child: ChildProcess; listening: Promise<void> };

type TWorkerEvents = {
  message: [worker: TServerWorker, message: unknown];
  exit: [worker: TServerWorker, code: number | null, signal: NodeJS.Signals | null];
};

/** What a server process sends its primary once it listens. */
export const LISTENING_MESSAGE = { dmp: "listening" } as const;

export class WorkerProcesses extends EventEmitter<TWorkerEvents> {
  readonly #workers = new Map<number, TServerWorker>();
  #nextId = 1;

  constructor(
    /** The shared socket (bindSharedSocket), null for processes that do not serve (tests of the messages). */
    private readonly socketFd: number | null,
    /** How many copies of it each process gets (socketCopiesPerProcess: its connections taken per loop turn). */
    private readonly copies = 1,
    private readonly script = process.argv[1] as string,
    private readonly args = process.argv.slice(2),
  ) {
    super();
  }

  /** Starts the process of rank `index` (0 runs the background jobs) with its extra environment. */
  fork(index: number, env: Record<string, string>): TServerWorker {
    const child = fork(this.script, this.args, {
      env: { ...process.env, ...env, DMP_SOCKET_COPIES: String(this.copies) },
      stdio: serverProcessStdio(this.socketFd, this.copies),
    });
    let listened = () => {};
    const worker: TServerWorker = { id: this.#nextId++, index, child, listening: new Promise((resolve) => (listened = resolve)) };
    this.#workers.set(worker.id, worker);
    child.on("message", (message: unknown) => {
      if (isListening(message)) listened();
      else this.emit("message", worker, message);
    });
    child.once("exit", (code, signal) => {
      this.#workers.delete(worker.id);
      this.emit("exit", worker, code, signal);
    });
    return worker;
  }

  /** The processes alive now. */
  list(): TServerWorker[] {
    return [...this.#workers.values()];
  }

  /** Asks every process to stop (SIGTERM); resolves once none is left, or after `graceMs`. */
  stopAll(graceMs: number): Promise<void> {
    const children = this.list().map((w) => w.child);
    for (const child of children) child.kill("SIGTERM");
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      timer.unref();
      const check = () => {
        if (this.#workers.size > 0) return;
        clearTimeout(timer);
        resolve();
      };
      this.on("exit", check);
      check();
    });
  }
}

function isListening(message: unknown): boolean {
  return typeof message === "object" && message !== null && (message as { dmp?: unknown }).dmp === LISTENING_MESSAGE.dmp;
}

