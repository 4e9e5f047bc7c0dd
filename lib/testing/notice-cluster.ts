/**
 * A small cluster for lib/server/sibling-notices.integration.test.ts:
 *   node --import tsx lib/testing/notice-cluster.ts <workers>
 * The primary relays notices (as lib/server/serve.ts does); every worker reloads a value
 * when told (slowly, 100 ms, like a database read); worker 1 then announces a change. The
 * primary prints, in order, each worker's "reloaded" and worker 1's "announced" (when its
 * notifySiblingProcesses() resolved), then exits.
 */
import cluster from "node:cluster";
import { notifySiblingProcesses, onSiblingNotice, relaySiblingNotices } from "@/lib/server/sibling-notices";

const count = Number(process.argv[2] ?? 3);

if (cluster.isPrimary) {
  relaySiblingNotices();
  const events: string[] = [];
  let ready = 0;
  cluster.on("message", (worker, message: { event?: string }) => {
    if (message.event === "ready" && ++ready === count) {
      for (const w of Object.values(cluster.workers ?? {})) if (w?.id === 1) w.send({ event: "announce" });
    }
    if (message.event === "reloaded" || message.event === "announced") events.push(`${message.event}:${worker.id}`);
    if (message.event === "announced") {
      process.stdout.write(`${JSON.stringify(events)}\n`);
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
      process.exit(0);
    }
  });
  for (let i = 0; i < count; i++) cluster.fork();
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
