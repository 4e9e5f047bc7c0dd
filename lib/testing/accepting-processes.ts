/**
 * Server processes on one shared socket, for lib/server/shared-listening-socket.integration.test.ts:
 *   node --import tsx lib/testing/accepting-processes.ts free-process
 *     Two processes (one descriptor each, as npm run serve gives them) answer every request with their id. Once both listen, process 1 blocks
 *     its event loop for 3 s (as a page render under load does, in shorter turns) and the
 *     primary opens 8 new connections meanwhile; prints which process answered each one.
 *   node --import tsx lib/testing/accepting-processes.ts burst <descriptors>
 *     One process, listening on that many copies of the socket, blocks its loop for 1.5 s
 *     while the primary opens 40 connections; prints how many connections it took in each
 *     turn of its loop after that, first turn first.
 */
import http from "node:http";
import net from "node:net";
import { isServerWorker } from "@/lib/server/process-plan";
import { bindSharedSocket, listenOnInheritedSocket, socketCopiesPerProcess } from "@/lib/server/shared-listening-socket";
import { LISTENING_MESSAGE, WorkerProcesses } from "@/lib/server/worker-processes";

const [mode = "free-process", copiesArg] = process.argv.slice(2);
const copies = mode === "free-process" ? socketCopiesPerProcess(2) : Number(copiesArg);
const BURST = 40;

function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

async function primary(): Promise<void> {
  const socket = await bindSharedSocket(0, "127.0.0.1");
  const workers = new WorkerProcesses(socket.fd, copies);
  const count = mode === "free-process" ? 2 : 1;
  const finish = (result: string[]) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    for (const w of workers.list()) w.child.kill();
    process.exit(0);
  };
  workers.on("message", (_worker, message) => {
    const m = message as { event?: string; turns?: number[] };
    if (m.event === "turns") finish((m.turns ?? []).map(String));
    if (m.event !== "blocking") return;
    if (mode === "burst") {
      for (let i = 0; i < BURST; i++) net.connect(socket.port, "127.0.0.1").on("error", () => undefined);
      return;
    }
    // Process 1 is inside its blocking loop (it started it once its notice was written).
    setTimeout(async () => {
      const answers = await Promise.all(
        Array.from(
          { length: 8 },
          () =>
            new Promise<string>((resolve, reject) => {
              http.get({ host: "127.0.0.1", port: socket.port, path: "/", agent: false }, (res) => {
                let body = "";
                res.on("data", (d: Buffer) => (body += d.toString()));
                res.on("end", () => resolve(body));
              }).on("error", reject);
            }),
        ),
      );
      finish(answers);
    }, 100);
  });
  setTimeout(() => process.exit(1), 30_000).unref();
  const forked = Array.from({ length: count }, (_, i) => workers.fork(i, { DMP_WORKER_INDEX: String(i) }));
  await Promise.all(forked.map((w) => w.listening));
  forked[0]?.child.send({ event: "block" });
}

async function worker(): Promise<void> {
  const id = Number(process.env.DMP_WORKER_INDEX) + 1;
  const server = http.createServer((_req, res) => res.end(String(id)));
  // Turns of the loop, counted by a chain of immediates (one per turn); connections by the turn they came in.
  let turn = 0;
  const perTurn = new Map<number, number>();
  server.on("connection", () => perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1));
  await listenOnInheritedSocket(server);
  process.on("message", (message: { event?: string }) => {
    if (message.event !== "block") return;
    process.send?.({ event: "blocking" }, undefined, {}, () => {
      block(mode === "burst" ? 1500 : 3000);
      if (mode !== "burst") return;
      const after = turn;
      const tick = () => {
        turn++;
        const taken = [...perTurn.entries()].filter(([t]) => t >= after).reduce((n, [, c]) => n + c, 0);
        if (taken >= BURST || turn - after > 200) {
          const turns = [...perTurn.entries()].filter(([t]) => t >= after).sort(([a], [b]) => a - b);
          process.send?.({ event: "turns", turns: turns.map(([, c]) => c) });
          return;
        }
        setImmediate(tick);
      };
      setImmediate(tick);
    });
  });
  process.send?.(LISTENING_MESSAGE);
}

void (isServerWorker() ? worker() : primary());
