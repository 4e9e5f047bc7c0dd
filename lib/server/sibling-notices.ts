import { isServerWorker } from "./process-plan";
import type { TServerWorker, WorkerProcesses } from "./worker-processes";

/**
 * Process-local state told across the server's processes (`npm run serve` runs one per
 * core, lib/server/serve.ts). A worker that changed something other workers keep in memory
 * (the sandbox clock's offsets, the namespace tokens) calls `notifySiblingProcesses(kind)`:
 * the primary hands the notice to every other worker, each runs its handler (reloads from
 * the database) and acknowledges, and only then does the call resolve. So the answer of the
 * request that made the change leaves after every process has taken it in: the caller's
 * next request sees it whichever process serves it. Outside `npm run serve` it does nothing.
 */

export type TNoticeKind = "sandbox-caches";

type TNoticeMessage = { dmp: "notice"; id: string; kind: TNoticeKind };
type TAckMessage = { dmp: "notice-ack"; id: string };
type TDoneMessage = { dmp: "notice-done"; id: string };
type TMessage = TNoticeMessage | TAckMessage | TDoneMessage;

/** How long a notice waits for the other processes (one stuck or dying must not hang the request). */
export const NOTICE_TIMEOUT_MS = 3000;

type TWorkerSide = {
  handlers: Map<TNoticeKind, (() => Promise<void> | void)[]>;
  pending: Map<string, () => void>;
  listening: boolean;
  counter: number;
};

// On globalThis: Next bundles instrumentation, routes and pages apart, and they share one process.
const holder = globalThis as unknown as { dmpSiblingNotices?: TWorkerSide };
const side: TWorkerSide = (holder.dmpSiblingNotices ??= { handlers: new Map(), pending: new Map(), listening: false, counter: 0 });

function isMessage(value: unknown): value is TMessage {
  return typeof value === "object" && value !== null && typeof (value as { dmp?: unknown }).dmp === "string" && typeof (value as { id?: unknown }).id === "string";
}


function listen(): void {
  if (side.listening || !isServerWorker()) return;
  side.listening = true;
  process.on("message", (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.dmp === "notice-done") {
      side.pending.get(message.id)?.();
      return;
    }
    if (message.dmp !== "notice") return;
    const handlers = side.handlers.get(message.kind) ?? [];
    void Promise.allSettled(handlers.map((h) => h())).then((results) => {
      for (const r of results) if (r.status === "rejected") console.error(`Avis « ${message.kind} » :`, r.reason instanceof Error ? r.reason.message : r.reason);
      process.send?.({ dmp: "notice-ack", id: message.id } satisfies TAckMessage);
    });
  });
}

/** What this process does when another one announces `kind` (registered once, at start-up). */
export function onSiblingNotice(kind: TNoticeKind, handler: () => Promise<void> | void): void {
  const list = side.handlers.get(kind) ?? [];
  if (!list.includes(handler)) list.push(handler);
  side.handlers.set(kind, list);
  listen();
}

/** Tells every other server process, and resolves once they all have taken it in (or after NOTICE_TIMEOUT_MS). */
export function notifySiblingProcesses(kind: TNoticeKind): Promise<void> {
  if (!isServerWorker()) return Promise.resolve();
  listen();
  const id = `${process.pid}-${++side.counter}`;
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, NOTICE_TIMEOUT_MS);
    function done() {
      clearTimeout(timer);
      side.pending.delete(id);
      resolve();
    }
    side.pending.set(id, done);
    process.send?.({ dmp: "notice", id, kind } satisfies TNoticeMessage);
  });
}

/**
 * The primary's part: relays each notice to the other live workers and tells its sender
 * when all of them have acknowledged (or after the timeout, or when none is left to wait for).
 */
export function relaySiblingNotices(workers: WorkerProcesses): void {
  const waiting = new Map<string, { from: TServerWorker; left: Set<number>; timer: ReturnType<typeof setTimeout> }>();
  const finish = (id: string) => {
    const entry = waiting.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    waiting.delete(id);
    if (entry.from.child.connected) entry.from.child.send({ dmp: "notice-done", id } satisfies TDoneMessage);
  };
  workers.on("message", (worker, message) => {
    if (!isMessage(message)) return;
    if (message.dmp === "notice-ack") {
      const entry = waiting.get(message.id);
      if (!entry) return;
      entry.left.delete(worker.id);
      if (entry.left.size === 0) finish(message.id);
      return;
    }
    if (message.dmp !== "notice") return;
    const others = workers.list().filter((w) => w.id !== worker.id && w.child.connected);
    waiting.set(message.id, { from: worker, left: new Set(others.map((w) => w.id)), timer: setTimeout(() => finish(message.id), NOTICE_TIMEOUT_MS) });
    if (others.length === 0) return finish(message.id);
    for (const w of others) w.child.send(message);
  });
  // A worker that dies while others wait for its acknowledgement must not hold them.
  workers.on("exit", (worker) => {
    for (const [id, entry] of waiting) {
      entry.left.delete(worker.id);
      if (entry.left.size === 0) finish(id);
    }
  });
}
