/**
 * Server processes for lib/server/sibling-notices.integration.test.ts:
 *   node --import tsx lib/testing/notice-cluster.ts <workers>
 * The primary relays notices (as lib/server/serve.ts does); every worker reloads a value
 * when told (slowly, 100 ms, like a database read); worker 1 then announces a change. The
 * primary prints, in order, each worker's "reloaded" and worker 1's "announced" (when its
 * notifySiblingProcesses() resolved), then exits.
 */
import { isServerWorker } from "@/lib/server/process-plan";
import { notifySiblingProcesses, onSiblingNotice, relaySiblingNotices } from "@/lib/server/sibling-notices";
import { WorkerProcesses } from "@/lib/server/worker-processes";

const count = Number(process.argv[2] ?? 3);

if (!isServerWorker()) {
  const workers = new WorkerProcesses(null);
  relaySiblingNotices(workers);
  const events: string[] = [];
  let ready = 0;
  workers.on("message", (worker, message) => {
    const event = (message as { event?: string }).event;
    if (event === "ready" && ++ready === count) workers.list().find((w) => w.id === 1)?.child.send({ event: "announce" });
    if (event === "reloaded" || event === "announced") events.push(`${event}:${worker.id}`);
    if (event === "announced") {
      process.stdout.write(`${JSON.stringify(events)}\n`);
      for (const w of workers.list()) w.child.kill();
      process.exit(0);
    }
  });
  for (let i = 0; i < count; i++) workers.fork(i, { DMP_WORKER_INDEX: String(i) });
  setTimeout(() => process.exit(1), 30_000).unref();
} else {
  onSiblingNotice("sandbox-caches", async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.send?.({ event: "reloaded" });
  });
  process.on("message", (message: { event?: string }) => {
    if (message.event !== "announce") return;
    void notifySiblingProcesses("sandbox-caches").then(() => process.send?.({ event: "announced" }));
  });
  process.send?.({ event: "ready" });
}
