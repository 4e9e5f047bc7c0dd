/**
 * Server processes for lib/server/worker-supervisor.integration.test.ts:
 *   node --import tsx lib/testing/start-up-cluster.ts <workers> <dying rank> <deaths> <marker dir>
 * The primary supervises its processes as `npm run serve` does (superviseWorkers); the
 * process of the dying rank exits before it listens on its first `deaths` starts (counted by
 * files in the marker directory), the others listen at once. The primary prints what it saw,
 * in order ("listening:<rank>", "started", "gave up"), then stops everything.
 */
import fs from "node:fs";
import path from "node:path";
import { isServerWorker } from "@/lib/server/process-plan";
import { LISTENING_MESSAGE, WorkerProcesses } from "@/lib/server/worker-processes";
import { superviseWorkers } from "@/lib/server/worker-supervisor";

const [count, dyingRank, deaths, markers] = [Number(process.argv[2]), Number(process.argv[3]), Number(process.argv[4]), process.argv[5] as string];

if (!isServerWorker()) {
  const events: string[] = [];
  const finish = (workers: WorkerProcesses) => {
    process.stdout.write(`${JSON.stringify(events)}\n`);
    for (const w of workers.list()) w.child.kill();
    process.exit(0);
  };
  const workers = new WorkerProcesses(null);
  const environments = Array.from({ length: count }, (_, i) => ({ DMP_WORKER_INDEX: String(i) }));
  const forkWorker = workers.fork.bind(workers);
  workers.fork = (index, env) => {
    const worker = forkWorker(index, env);
    void worker.listening.then(() => events.push(`listening:${index}`));
    return worker;
  };
  const supervised = superviseWorkers(workers, environments, { log: () => {}, onGiveUp: () => (events.push("gave up"), finish(workers)) });
  void supervised.started.then(() => (events.push("started"), finish(workers)));
  // Never started nor given up: what the test reports.
  setTimeout(() => (events.push("still starting"), finish(workers)), 20_000).unref();
} else {
  const rank = Number(process.env.DMP_WORKER_INDEX);
  const died = rank === dyingRank ? fs.readdirSync(markers).length : deaths;
  if (died < deaths) {
    fs.writeFileSync(path.join(markers, `death-${died}`), "");
    process.exit(3);
  }
  process.send?.(LISTENING_MESSAGE);
  // Stays alive (as a server would) until the primary stops it.
  setInterval(() => {}, 1000);
}
