/**
 * A two-worker HTTP cluster for lib/server/connection-sharing.integration.test.ts:
 *   node --import tsx lib/testing/busy-worker-cluster.ts <kernel|round-robin>
 * Both workers answer every request with their cluster id. Once both listen, worker 1
 * blocks its event loop for 3 s (as a page render under load does, in shorter turns) and
 * the primary opens 8 new connections meanwhile; it prints which worker answered each one.
 */
import cluster from "node:cluster";
import http from "node:http";
import { shareConnectionsThroughKernel } from "@/lib/server/connection-sharing";

const BLOCK_MS = 3000;

if (cluster.isPrimary) {
  if (process.argv[2] === "kernel") shareConnectionsThroughKernel();
  else cluster.schedulingPolicy = cluster.SCHED_RR;
  let listening = 0;
  let port = 0;
  cluster.on("listening", (_worker, address) => {
    port = address.port;
    if (++listening === 2) cluster.workers?.[1]?.send({ event: "block" });
  });
  cluster.on("message", (_worker, message: { event?: string }) => {
    if (message.event !== "blocking") return;
    // Worker 1 is inside its blocking loop (it started it when its notice was written).
    setTimeout(async () => {
      const answers = await Promise.all(
        Array.from(
          { length: 8 },
          () =>
            new Promise<string>((resolve, reject) => {
              http.get({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
                let body = "";
                res.on("data", (d: Buffer) => (body += d.toString()));
                res.on("end", () => resolve(body));
              }).on("error", reject);
            }),
        ),
      );
      process.stdout.write(`${JSON.stringify(answers)}\n`);
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
      process.exit(0);
    }, 100);
  });
  cluster.fork();
  cluster.fork();
  setTimeout(() => process.exit(1), 30_000).unref();
} else {
  http.createServer((_req, res) => res.end(String(cluster.worker?.id))).listen(0, "127.0.0.1");
  process.on("message", (message: { event?: string }) => {
    if (message.event !== "block") return;
    process.send?.({ event: "blocking" }, undefined, {}, () => {
      const until = performance.now() + BLOCK_MS;
      while (performance.now() < until);
    });
  });
}
