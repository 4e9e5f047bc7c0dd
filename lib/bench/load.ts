import { platformNow } from "@/lib/clock/clock";
/**
 * The load generator of `npm run bench`, run as its own process (never in the server's
 * event loop): `tsx lib/bench/load.ts <scenario.json>`. Loads one URL with autocannon for
 * a given number of connections and duration, records every response time itself (for
 * p50/p95/p99) and prints one JSON line (TLoadResult) on stdout.
 * ITI-65 scenarios build a new Bundle for every request (ingest.documentsPerBundle documents,
 * each with a unique masterIdentifier), round robin over known identities.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { buildProvideBundle } from "@/lib/fhir/build-provide-bundle";

type TFeedPatient = { nir: string; birthDate: string; birthRank: number };

export type TLoadScenario = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
  /** Requests whose answer is not this status count as errors (2xx by default). */
  expectStatus?: number;
  /** Seconds after which a request counts as timed out (default 30). */
  timeoutSec?: number;
  ingest?: {
    /** Documents per Bundle (1 when absent). */
    documentsPerBundle?: number;
    runId: string;
    finess: string;
    authorIdNat: string;
    typeCode: string;
    patients: TFeedPatient[];
  };
};

export type TLoadResult = {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSec: number;
  /** Responses per second (all statuses). */
  rps: number;
  /** 2xx responses per second (for ITI-65: documents per second, a Bundle counting its documents). */
  okPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  bytesPerResponse: number;
  statusCounts: Record<string, number>;
  /** The longest response time of each status (whether the slow ones were served or refused). */
  maxByStatus: Record<string, number>;
  /** The load tool's own longest event-loop delay (ms): how late it may have read an answer. */
  clientLagMaxMs: number;
  /** Answers that took more than 2 s (the overload's bound). */
  slowerThan2s: number;
  /** When the slowest answer's request was sent, in seconds from the start of the run: a burst at the start, or later. */
  maxSentAtSec: number;
  /** CPU time the server's processes used during the run (ms), when the bench measured it (run.ts). */
  serverCpuMs?: number;
  /** CPU time the hypervisor gave to other machines during the run (ms, all CPUs), when the bench measured it (machine-steal.ts). */
  machineStealMs?: number;
};

type TAutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type TAutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeout?: number;
  requests?: { setupRequest?: (req: TAutocannonRequest) => TAutocannonRequest }[];
};
type TAutocannonInstance = {
  on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
};
type TAutocannonResult = { errors: number; timeouts: number; non2xx: number; duration: number; requests: { total: number }; throughput: { total: number } };
type TAutocannon = (opts: TAutocannonOptions, cb: (err: Error | null, result: TAutocannonResult) => void) => TAutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as TAutocannon;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A small plain-text document (the feed checks its type from the bytes). */
function documentBytes(n: number): Uint8Array {
  return Buffer.from(`Compte rendu de consultation (benchmark)\nDocument n° ${n}\nExamen clinique sans particularité. Conduite à tenir expliquée au patient.\n`, "utf8");
}

export async function runLoad(s: TLoadScenario): Promise<TLoadResult> {
  const times: number[] = [];
  const statusCounts: Record<string, number> = {};
  const maxByStatus: Record<string, number> = {};
  let counter = 0;
  const ingest = s.ingest;
  const perBundle = ingest?.documentsPerBundle ?? 1;
  const opts: TAutocannonOptions = {
    url: s.url,
    connections: s.connections,
    duration: s.durationSec,
    method: s.method,
    headers: s.headers,
    timeout: s.timeoutSec ?? 30,
  };
  if (ingest) {
    opts.requests = [
      {
        setupRequest: (req) => {
          const n = counter++;
          // One patient per Bundle (a submission set is about one record).
          const patient = ingest.patients[n % ingest.patients.length] as TFeedPatient;
          const documents = Array.from({ length: perBundle }, (_, d) => ({
            uniqueId: `1.2.250.1.213.1.1.9.98.${ingest.runId}.${n}.${d}`,
            patient,
            typeCode: ingest.typeCode,
            title: "Compte rendu de consultation",
            authorIdNat: ingest.authorIdNat,
            custodianFiness: ingest.finess,
            serviceDate: platformNow().toISOString().slice(0, 10),
            content: { bytes: documentBytes(n * perBundle + d), contentType: "text/plain" },
            inlineContent: true,
          }));
          const bundle = buildProvideBundle(documents, { sourceFiness: ingest.finess });
          return { ...req, method: "POST", body: JSON.stringify(bundle), headers: { ...s.headers, "content-type": "application/fhir+json" } };
        },
      },
    ];
  }
  const expected = s.expectStatus;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const startedAt = performance.now();
  let slowerThan2s = 0;
  let maxSentAtMs = 0;
  let slowest = -1;
  const result = await new Promise<TAutocannonResult>((resolve, reject) => {
    const instance = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (responseTime > 2000) slowerThan2s++;
      if (responseTime > slowest) {
        slowest = responseTime;
        maxSentAtMs = performance.now() - startedAt - responseTime;
      }
      const key = String(statusCode);
      statusCounts[key] = (statusCounts[key] ?? 0) + 1;
      maxByStatus[key] = Math.max(maxByStatus[key] ?? 0, round(responseTime));
    });
  });
  lag.disable();
  const sorted = Float64Array.from(times).sort();
  const total = times.length;
  const ok = expected ? (statusCounts[String(expected)] ?? 0) : Object.entries(statusCounts).reduce((sum, [k, v]) => (k.startsWith("2") ? sum + v : sum), 0);
  const duration = result.duration || s.durationSec;
  return {
    requests: total,
    ok,
    non2xx: total - ok,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSec: round(duration),
    rps: round(total / duration, 1),
    okPerSec: round((ok * perBundle) / duration, 1),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(total ? times.reduce((a, b) => a + b, 0) / total : 0),
    max: round(total ? (sorted[total - 1] as number) : 0),
    bytesPerResponse: total ? Math.round(result.throughput.total / total) : 0,
    statusCounts,
    maxByStatus,
    clientLagMaxMs: round(lag.max / 1e6),
    slowerThan2s,
    maxSentAtSec: round(Math.max(0, maxSentAtMs) / 1000, 1),
  };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("Usage : tsx lib/bench/load.ts <scenario.json>");
  const scenario = JSON.parse(fs.readFileSync(file, "utf8")) as TLoadScenario;
  const result = await runLoad(scenario);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
