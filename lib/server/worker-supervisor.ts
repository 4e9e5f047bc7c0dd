import type { WorkerProcesses } from "./worker-processes";

/**
 * The primary's rules for its server processes (`npm run serve`, lib/server/serve.ts):
 * process 0 (the jobs, the development mail server) starts first and listens before the
 * others are forked; a process that stops is started again, unless its rank already started
 * five times within a minute (then `onGiveUp`: the whole server stops, loudly). The start-up
 * waits for a process of each rank to listen, whichever start it is: one that dies before
 * listening is replaced and the start-up waits for its replacement.
 */
export type TSupervisedWorkers = {
  /** Resolves once a process of every rank listens. */
  started: Promise<void>;
  /** Stops restarting, asks every process to stop; resolves once none is left or after `graceMs`. */
  stop(graceMs: number): Promise<void>;
};

export type TSupervisorOptions = {
  log?: (line: string) => void;
  /** A rank keeps dying at start. */
  onGiveUp?: () => void;
  /** How many starts of one rank within `restartWindowMs` mean it keeps dying. */
  maxStarts?: number;
  restartWindowMs?: number;
};

export function superviseWorkers(
  workers: WorkerProcesses,
  environments: readonly Record<string, string>[],
  { log = console.error, onGiveUp = () => process.exit(1), maxStarts = 5, restartWindowMs = 60_000 }: TSupervisorOptions = {},
): TSupervisedWorkers {
  let stopping = false;
  const starts = new Map<number, number[]>();
  const listened: (() => void)[] = [];
  const ready = environments.map((_, index) => new Promise<void>((resolve) => (listened[index] = resolve)));

  const fork = (index: number): Promise<void> => {
    starts.set(index, [...(starts.get(index) ?? []), performance.now()]);
    void workers.fork(index, environments[index] as Record<string, string>).listening.then(listened[index]);
    return ready[index] as Promise<void>;
  };

  workers.on("exit", (worker, code, signal) => {
    if (stopping) return;
    log(`Processus serveur ${worker.index + 1} arrêté (${signal ?? `code ${code}`}) : redémarrage.`);
    const recent = (starts.get(worker.index) ?? []).filter((t) => performance.now() - t < restartWindowMs);
    starts.set(worker.index, recent);
    if (recent.length >= maxStarts) {
      stopping = true;
      log("Le processus redémarre sans cesse : arrêt du serveur.");
      onGiveUp();
      return;
    }
    void fork(worker.index);
  });

  // The jobs process first: its mail server listens before any other process can send.
  const started = fork(0).then(() => Promise.all(environments.slice(1).map((_, i) => fork(i + 1)))).then(() => undefined);
  return {
    started,
    stop(graceMs) {
      stopping = true;
      return workers.stopAll(graceMs);
    },
  };
}
