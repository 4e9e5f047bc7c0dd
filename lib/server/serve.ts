/**
 * `npm run serve`: the production server (issue 14, points 3 and 4).
 *   tsx lib/server/serve.ts [--port 3000] [--hostname H] [--keep-alive-timeout MS]
 * A small primary binds the port and forks one server process per core (WEB_CONCURRENCY to
 * choose), each a plain Node HTTP server around Next's request handler with admission by
 * time in front (lib/server/load-limiter.ts: DMP_MAX_IN_FLIGHT, DMP_MAX_QUEUE_WAIT_MS,
 * DMP_MAX_QUEUED): a request that could not be answered in time gets 503 + Retry-After at
 * once. The processes share the primary's socket (a single one under 16 descriptors,
 * lib/server/shared-listening-socket.ts); nothing is sticky, sessions are cookies. The
 * first process runs the background jobs and the development mail server; the primary
 * restarts a process that dies (lib/server/worker-supervisor.ts) and relays the notices by which they keep their caches in
 * step (lib/server/sibling-notices.ts).
 */
import http from "node:http";
import net from "node:net";
import os from "node:os";
import v8 from "node:v8";
import { LoadLimiter, loadLimitsFromEnv } from "./load-limiter";
import { startLoopDelayLog } from "./loop-delay-log";
import { isServerWorker, workerCount, workerEnvironments } from "./process-plan";
import { bindSharedSocket, listenOnInheritedSocket, socketCopiesPerProcess } from "./shared-listening-socket";
import { relaySiblingNotices } from "./sibling-notices";
import { LISTENING_MESSAGE, WorkerProcesses } from "./worker-processes";
import { superviseWorkers } from "./worker-supervisor";

type TServeOptions = { port: number; hostname: string | undefined; keepAliveTimeoutMs: number };

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): TServeOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const port = Number(value("port") ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port : numéro de port attendu.");
  const keepAliveTimeoutMs = Number(value("keep-alive-timeout") ?? 65_000);
  if (!Number.isInteger(keepAliveTimeoutMs) || keepAliveTimeoutMs < 0) throw new Error("--keep-alive-timeout : millisecondes attendues.");
  return { port, hostname: value("hostname"), keepAliveTimeoutMs };
}

const limitsText = (inFlight: number, queued: number, waitMs: number) =>
  `${inFlight} requête${inFlight > 1 ? "s" : ""} à la fois, réponse en ${waitMs} ms au plus (attente estimée + traitement), file de ${queued} au plus`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function runWorker(options: TServeOptions): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV ??= "production";
  // tsx turns Node's source maps on for the whole process (for its own TypeScript). For the
  // built app that means reading and keeping every chunk's .map: ~90 MB more per process, a
  // slower start and a heap that V8 collects more often, for stack traces that `next start`
  // does not map either. Off before Next loads its first chunk.
  process.setSourceMapsEnabled(false);
  // Under a 256 MB heap cap V8 lets the old generation grow only 1.3× its live size between
  // two full collections (its factor for small devices): ~85 MB live, so a full marking every
  // second under load. 2.5× halves them (the cap still bounds the heap): CPU per page −3 to
  // −10 % in alternated runs, peak memory +50 MB.
  v8.setFlagsFromString("--heap-growing-percent=150");
  // Loaded here, not in the primary, which stays small. Next's own environment first (the
  // global AsyncLocalStorage), as `next start` does, before anything imports next/server.
  await import("next/dist/server/node-environment");
  const { default: next } = await import("next");
  const { limitedHandler } = await import("./limited-handler");
  const app = next({ dev: false, dir: process.cwd(), hostname: options.hostname ?? "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const limiter = new LoadLimiter(loadLimitsFromEnv());
  const server = http.createServer(limitedHandler(limiter, (req, res) => handle(req, res)));
  // Idle keep-alive connections stay open for clients that reuse them (test suites, DMP software).
  server.keepAliveTimeout = options.keepAliveTimeoutMs;
  server.headersTimeout = options.keepAliveTimeoutMs + 1000;
  const closeListeners = await listenOnInheritedSocket(server);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void closeListeners().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // The primary is gone (killed without a word): nobody restarts nor relays any more.
  process.once("disconnect", stop);
  // The bench's view of this process's event-loop stalls (its overload report).
  if (process.env.DMP_LOOP_REPORT_DIR) startLoopDelayLog(process.env.DMP_LOOP_REPORT_DIR);
  process.send?.(LISTENING_MESSAGE);
}

async function runPrimary(options: TServeOptions, count: number): Promise<void> {
  const socket = await bindSharedSocket(options.port, options.hostname);
  const environments = workerEnvironments(count, process.env, await freePort());
  const workers = new WorkerProcesses(socket.fd, socketCopiesPerProcess(count));
  relaySiblingNotices(workers);
  const supervised = superviseWorkers(workers, environments);
  // From the start: a server stopped while its processes start stops them too.
  const stop = () => void supervised.stop(12_000).then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  await supervised.started;
  const { maxInFlight, maxQueued, maxWaitMs } = loadLimitsFromEnv();
  console.log(
    `Prêt : http://${options.hostname ?? "localhost"}:${socket.port} (${count} processus ; par processus ${limitsText(maxInFlight, maxQueued, maxWaitMs)})`,
  );
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2), process.env);
  if (isServerWorker()) return runWorker(options);
  return runPrimary(options, workerCount(process.env, os.availableParallelism()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
