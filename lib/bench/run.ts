/**
 * `npm run bench` — measures the production build on a large database.
 *   --patients N   size of the generated database (default 100000)
 *   --quick        10 000 patients and shorter runs
 *   --duration S   seconds per measured run (default 10, quick 5)
 *   --db FILE      database file (default prisma/data/bench-<N>.db, built when missing),
 *                  or a PostgreSQL URL (postgresql://…: filled by seed:large when it has no patient)
 *   --reuse        require an existing file (never generate)
 *   --skip-build   reuse the last build in .next-bench
 *   --no-migrate   leave the file's migrations as they are (to measure an older build)
 *   --only a,b     run only these scenarios (the ids of lib/bench/scenarios.ts: documents,
 *                  pro-record, pro-record-floor, content, traces, iti67, ingest, ingest20; the references always
 *                  run: the no-DB JSON baseline, which every ratio needs, the no-DB sign-in
 *                  page and the 20-row "page floor", the floor of page rendering)
 *   --levels 1,8   connection levels (default 1,8,32)
 *   --processes L  server processes to measure, one full run each (default: one per core;
 *                  --compare-processes = 1 and one per core)
 *   --overload     also the overload run (on by default, off with --quick; --no-overload):
 *                  --overload-connections N (200) for --overload-duration S (30) on the
 *                  document list: longest wait, p99, 503s, timeouts (> 10 s), peak memory
 *   --cpu-prof     write the server's V8 CPU profiles into bench/profiles/ (for
 *                  `npx tsx lib/bench/profile-summary.ts <file>`)
 * Builds the app into .next-bench, starts the production server of `npm run serve`
 * (lib/server/serve.ts) on a spare port against the large database, loads each route from a
 * separate process (lib/bench/load.ts, autocannon) at 1, 8 and 32 connections, samples the
 * server's memory, and writes bench/results/<time>.md and .json (plus the SQL query plans
 * behind reads 1-5).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TLoadResult, TLoadScenario } from "./load";
import { refreshPlannerStatistics, refreshPostgresqlPlannerStatistics } from "../db/planner-statistics";
import { isPostgresqlUrl } from "../db/database-url";
import { applyPostgresqlMigrations } from "../db/postgresql-migrations";
import { databaseSize, describeDatabaseSize, type TDatabaseSize } from "./database-size";
import type { TScenarioPlans } from "./explain";
import type { TBenchCredentials, TBenchFixtures } from "./fixtures";
import { combineRounds, cpuPerResponse } from "./combine-rounds";
import { machineStealMs, stealPercent } from "./machine-steal";
import { LOOP_LOG_INTERVAL_MS, longestLoopDelayMs } from "../server/loop-delay-log";
import { OVERLOAD_SCENARIO_ID, REFERENCES, SCENARIO_IDS, SCENARIOS, type TScenario, type TScenarioContext } from "./scenarios";

const ROOT = process.cwd();
const BIN = path.join(ROOT, "node_modules", ".bin");
const LEVELS = [1, 8, 32] as const;
/** An overload request slower than this counts as timed out. */
const OVERLOAD_TIMEOUT_SEC = 10;

type TOptions = {
  patients: number;
  quick: boolean;
  durationSec: number;
  dbFile: string;
  /** --db postgresql://…: the PostgreSQL database measured instead of a SQLite file. */
  postgresqlUrl: string | null;
  reuse: boolean;
  skipBuild: boolean;
  migrate: boolean;
  only: readonly string[];
  levels: readonly number[];
  processes: readonly number[];
  overload: { connections: number; durationSec: number } | null;
  cpuProf: boolean;
  /** Each measurement is split into this many rounds, interleaved across scenarios. */
  rounds: number;
};

function parseArgs(argv: string[]): TOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const quick = argv.includes("--quick");
  const patients = Number(value("patients") ?? (quick ? 10_000 : 100_000));
  if (!Number.isInteger(patients) || patients < 2) throw new Error("--patients : entier ≥ 2 attendu.");
  const durationSec = Number(value("duration") ?? (quick ? 5 : 10));
  if (!(durationSec > 0)) throw new Error("--duration : nombre de secondes attendu.");
  const rounds = Number(value("rounds") ?? (quick ? 1 : 3));
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds : entier ≥ 1 attendu.");
  const db = value("db");
  const only = (value("only") ?? SCENARIO_IDS.join(",")).split(",").filter(Boolean);
  const unknown = only.filter((id) => !SCENARIO_IDS.includes(id));
  if (unknown.length) throw new Error(`--only : scénario inconnu ${unknown.join(", ")} (attendus : ${SCENARIO_IDS.join(", ")}).`);
  const levels = (value("levels") ?? LEVELS.join(",")).split(",").map(Number);
  if (levels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--levels : entiers ≥ 1 séparés par des virgules attendus.");
  const cores = os.availableParallelism();
  const processes = (value("processes") ?? (argv.includes("--compare-processes") ? `1,${cores}` : String(cores))).split(",").map(Number);
  if (processes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--processes : entiers ≥ 1 séparés par des virgules attendus.");
  const overloadOn = argv.includes("--overload") || (!quick && !argv.includes("--no-overload"));
  const overload = {
    connections: Number(value("overload-connections") ?? 200),
    durationSec: Number(value("overload-duration") ?? 30),
  };
  if (!Number.isInteger(overload.connections) || overload.connections < 1 || !(overload.durationSec > 0)) throw new Error("--overload-connections / --overload-duration : nombres positifs attendus.");
  return {
    only,
    levels,
    processes: [...new Set(processes)],
    overload: overloadOn ? overload : null,
    cpuProf: argv.includes("--cpu-prof"),
    rounds,
    patients,
    quick,
    durationSec,
    dbFile: db && isPostgresqlUrl(db) ? "" : path.resolve(db ?? path.join(ROOT, "prisma", "data", `bench-${patients}.db`)),
    postgresqlUrl: db && isPostgresqlUrl(db) ? db : null,
    reuse: argv.includes("--reuse"),
    skipBuild: argv.includes("--skip-build"),
    migrate: !argv.includes("--no-migrate"),
  };
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

function spareport(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

// --- Server memory, from /proc (the process and its children) -------------------------

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i] as number));
  return all;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc's times (getconf CLK_TCK; 100 on Linux). */
let clockTicks: number | null = null;
function clockTicksPerSec(): number {
  clockTicks ??= (() => {
    try {
      return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      return 100;
    }
  })();
  return clockTicks;
}

/**
 * CPU time (user + system, ms) the server's processes have used so far, from
 * /proc/<pid>/stat (fields 14 and 15). Divided by the responses of a measurement it gives
 * the server's CPU per response, which a busy shared machine changes far less than the
 * throughput: what a change to a page costs, measured.
 */
function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      // The command name (field 2) may hold spaces: the fields after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return (ticks * 1000) / clockTicksPerSec();
}

/** Runs a load and adds what the server's processes used (CPU) and what the hypervisor took from the machine meanwhile. */
async function runMeasured(scenario: TLoadScenario, serverPid: number): Promise<TLoadResult> {
  const cpuBefore = treeCpuMs(serverPid);
  const stealBefore = machineStealMs(clockTicksPerSec());
  const result = await runLoad(scenario);
  const stealAfter = machineStealMs(clockTicksPerSec());
  return {
    ...result,
    serverCpuMs: treeCpuMs(serverPid) - cpuBefore,
    ...(stealBefore !== null && stealAfter !== null ? { machineStealMs: stealAfter - stealBefore } : {}),
  };
}

class MemorySampler {
  peakTreeRssKb = 0;
  /** Starts a new peak (the overload run reports its own). */
  resetPeak(): void {
    this.peakTreeRssKb = 0;
  }
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly pid: number) {}
  start(): void {
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }
  sample(): void {
    const rss = processTree(this.pid).reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0);
    this.peakTreeRssKb = Math.max(this.peakTreeRssKb, rss);
  }
  /** The kernel's own high-water mark (VmHWM) summed over the tree, plus our sampled peak. */
  report(): { peakRssMb: number; vmHwmMb: number; currentRssMb: number } {
    this.sample();
    const tree = processTree(this.pid);
    return {
      peakRssMb: Math.round(this.peakTreeRssKb / 1024),
      vmHwmMb: Math.round(tree.reduce((s, p) => s + statusKb(p, "VmHWM"), 0) / 1024),
      currentRssMb: Math.round(tree.reduce((s, p) => s + statusKb(p, "VmRSS"), 0) / 1024),
    };
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

// --- Steps -----------------------------------------------------------------------------

/** PostgreSQL: migrated, filled by seed:large when it has no patient, ANALYZE. */
async function ensurePostgresqlDatabase(url: string, o: TOptions): Promise<void> {
  if (o.migrate) await applyPostgresqlMigrations(url);
  const { createPrismaClient } = await import("@/lib/db/create-client");
  const db = createPrismaClient(url);
  const patients = await db.patient.count().finally(() => db.$disconnect());
  if (patients > 0) log(`Base PostgreSQL réutilisée : ${patients} patients.`);
  else {
    if (o.reuse) throw new Error("--reuse : la base PostgreSQL n'a aucun patient.");
    log(`Génération de la base PostgreSQL (${o.patients} patients)…`);
    execFileSync(path.join(BIN, "tsx"), ["prisma/seed-large.ts", "--patients", String(o.patients), "--db", url], { stdio: "inherit" });
  }
  await refreshPostgresqlPlannerStatistics(url);
}

function ensureDatabase(o: TOptions): void {
  if (fs.existsSync(o.dbFile)) {
    log(`Base réutilisée : ${path.relative(ROOT, o.dbFile)} (${(fileSize(o.dbFile) / 1e9).toFixed(2)} Go)`);
  } else {
    if (o.reuse) throw new Error(`--reuse : ${o.dbFile} n'existe pas.`);
    log(`Génération de la base (${o.patients} patients) : ${path.relative(ROOT, o.dbFile)}…`);
    execFileSync(path.join(BIN, "tsx"), ["prisma/seed-large.ts", "--patients", String(o.patients), "--db", o.dbFile], { stdio: "inherit" });
  }
  // New migrations (indexes) apply to a reused file too.
  if (!o.migrate) return;
  log("prisma migrate deploy…");
  execFileSync(path.join(BIN, "prisma"), ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: `file:${o.dbFile}` } });
  const started = Date.now();
  refreshPlannerStatistics(o.dbFile);
  log(`Statistiques du planificateur SQLite (ANALYZE) : ${Date.now() - started} ms.`);
}

function build(env: NodeJS.ProcessEnv): void {
  log("next build (NEXT_DIST_DIR=.next-bench)…");
  // next build adds its dist folder's types to tsconfig.json: keep the file as it was.
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = fs.readFileSync(tsconfig, "utf8");
  try {
    execFileSync(path.join(BIN, "next"), ["build"], { stdio: ["ignore", "ignore", "inherit"], env });
  } finally {
    if (fs.readFileSync(tsconfig, "utf8") !== before) fs.writeFileSync(tsconfig, before);
  }
}

async function waitForHealth(origin: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Le serveur s'est arrêté (code ${server.exitCode}).`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("Le serveur n'a pas répondu sur /api/health en 2 minutes.");
}

async function stopServer(server: ChildProcess): Promise<void> {
  const pid = server.pid;
  if (!pid || server.exitCode !== null) return;
  const tree = processTree(pid).reverse();
  for (const p of tree) {
    try {
      process.kill(p, "SIGTERM");
    } catch {
      // already gone
    }
  }
  const exited = await Promise.race([new Promise<boolean>((r) => server.once("exit", () => r(true))), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
  if (!exited) {
    for (const p of tree) {
      try {
        process.kill(p, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

function runLoad(scenario: TLoadScenario): Promise<TLoadResult> {
  const file = path.join(os.tmpdir(), `dmp-bench-${process.pid}-${crypto.randomBytes(4).toString("hex")}.json`);
  fs.writeFileSync(file, JSON.stringify(scenario));
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, "tsx"), [path.join(ROOT, "lib", "bench", "load.ts"), file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      fs.rmSync(file, { force: true });
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) return reject(new Error(`load.ts a échoué (code ${code}) : ${out.slice(-500)}`));
      resolve(JSON.parse(line) as TLoadResult);
    });
  });
}

// --- Report ----------------------------------------------------------------------------

/** The share of the machine's CPU the hypervisor took during the run (%), null when not measured. */
const stolenPercent = (result: TLoadResult) => stealPercent(result.machineStealMs, result.durationSec, os.cpus().length);

/** ", CPU volé N %" for a log line, when the machine's steal was measured. */
function stolen(result: TLoadResult): string {
  const pct = stolenPercent(result);
  return pct === null ? "" : `, CPU volé ${pct} %`;
}

type TRow = { id: string; label: string; processes: number; connections: number; result: TLoadResult; ratio: number | null; documentsPerRequest: number };
type TOverloadRow = { processes: number; connections: number; durationSec: number; result: TLoadResult; peakRssMb: number; serverLoopMaxMs: number | null };

function markdown(
  meta: Record<string, unknown>,
  rows: TRow[],
  overloads: TOverloadRow[],
  memory: ReturnType<MemorySampler["report"]>,
  plans: TScenarioPlans[],
  dbSize: TDatabaseSize,
): string {
  const lines: string[] = [];
  const m = meta as { startedAt: string; cpus: number; cpuModel: string; loadavgStart: number[]; loadavgEnd: number[]; patients: number; counts: Record<string, number>; durationSec: number; rounds: number; node: string };
  lines.push(`# Mesures de performance — ${m.startedAt}`, "");
  lines.push(
    `Machine : ${m.cpus} CPU (${m.cpuModel}), Node ${m.node}, charge moyenne (1/5/15 min) au début ${m.loadavgStart.map((n) => n.toFixed(2)).join(" / ")}, à la fin ${m.loadavgEnd.map((n) => n.toFixed(2)).join(" / ")}.`,
  );
  lines.push(
    `Base : ${m.patients} patients, ${m.counts.documents} documents, ${m.counts.traces} traces ; ${describeDatabaseSize(dbSize)}. Durée par mesure : ${m.durationSec} s${m.rounds > 1 ? ` en ${m.rounds} tours entrelacés (débit sur l'ensemble, latences : médiane des tours)` : ""}.`,
  );
  lines.push(`Mémoire du serveur (tous ses processus) : pic ${memory.peakRssMb} Mo (VmHWM ${memory.vmHwmMb} Mo), ${memory.currentRssMb} Mo à la fin.`, "");
  lines.push("| scénario | processus | connexions | req/s | × référence | p50 ms | p95 ms | p99 ms | erreurs | CPU serveur ms/réponse | CPU volé % |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const rate = r.documentsPerRequest > 0 ? `${r.result.okPerSec} doc/s` : String(r.result.rps);
    const errors = r.result.errors + r.result.timeouts + r.result.non2xx;
    lines.push(`| ${r.label} | ${r.processes} | ${r.connections} | ${rate} | ${r.ratio === null ? "—" : r.ratio.toFixed(2)} | ${r.result.p50} | ${r.result.p95} | ${r.result.p99} | ${errors} | ${cpuPerResponse(r.result) ?? "—"} | ${stolenPercent(r.result) ?? "—"} |`);
  }
  lines.push(
    "",
    "× référence : débit rapporté à celui de la route de référence (/api/bench/baseline, JSON fixe de même taille, sans base) au même nombre de processus et de connexions.",
    "CPU serveur ms/réponse : temps CPU (utilisateur + système) de tous les processus du serveur pendant la mesure, divisé par le nombre de réponses (un lot ITI-65 est une réponse) ; bien plus stable que le débit sur une machine partagée, il dit ce que coûte chaque page.",
    "CPU volé % : part du temps de tous les CPU de la machine que l'hyperviseur a donnée à d'autres machines virtuelles pendant la mesure (« steal » de /proc/stat) : le serveur était alors arrêté quoi qu'il fasse.",
    "Les lignes 8 et 9 (pages rendues par le serveur sans aucun accès à la base : la page de connexion, un tableau nu de 20 lignes) donnent le plancher du rendu de page de l'application sur cette machine : les lectures 1, 2 et 4 sont des pages et ne peuvent pas aller plus vite.",
    "",
  );
  if (overloads.length > 0) {
    lines.push("## Surcharge", "");
    lines.push(
      `Liste des documents, connexions ouvertes en continu ; délai dépassé : plus de ${OVERLOAD_TIMEOUT_SEC} s sans réponse. Boucle du serveur arrêtée : le plus long retard d'une boucle d'événements d'un processus du serveur à revenir à ses minuteries pendant la surcharge (lib/server/loop-delay-log.ts) ; une requête attend au moins autant, quoi qu'ait décidé l'admission.`,
      "",
      "| processus | connexions | durée s | réponses | 200 | 503 | délais dépassés | attente max ms | la plus lente envoyée à s | réponses > 2 s | p99 ms | boucle du serveur arrêtée au plus ms | pic mémoire Mo | CPU volé % |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const o of overloads) {
      const r = o.result;
      lines.push(`| ${o.processes} | ${o.connections} | ${o.durationSec} | ${r.requests} | ${r.statusCounts["200"] ?? 0} | ${r.statusCounts["503"] ?? 0} | ${r.timeouts} | ${r.max} | ${r.maxSentAtSec} | ${r.slowerThan2s} | ${r.p99} | ${o.serverLoopMaxMs ?? "—"} | ${o.peakRssMb} | ${stolenPercent(r) ?? "—"} |`);
    }
    lines.push("");
  }
  lines.push("## Requêtes SQL des lectures 1 à 5 (EXPLAIN QUERY PLAN)", "");
  if (dbSize.engine === "PostgreSQL") lines.push("Non relevés sur PostgreSQL (EXPLAIN QUERY PLAN est celui de SQLite, lib/bench/explain.ts).", "");
  for (const s of plans) {
    lines.push(`### ${s.scenario} — ${s.queries} requêtes, ${s.totalMs} ms cumulés`, "");
    for (const q of s.statements) {
      lines.push("```sql", q.sql.length > 600 ? `${q.sql.slice(0, 600)}…` : q.sql, "```", `${q.ms} ms — ${q.plan.join(" · ")}`, "");
    }
  }
  return `${lines.join("\n")}\n`;
}

function printTable(md: string): void {
  const table = md.split("\n").filter((l) => l.startsWith("|") || l.startsWith("Machine") || l.startsWith("Base") || l.startsWith("Mémoire"));
  console.log(`\n${table.join("\n")}\n`);
}

// --- One server, its scenarios -----------------------------------------------------------

type TServerRun = { rows: TRow[]; overload: TOverloadRow | null; memory: ReturnType<MemorySampler["report"]> };

/** Starts `npm run serve`'s server with `processes` processes (node's own CLI: --cpu-prof is refused in NODE_OPTIONS). */
function startServer(processes: number, port: number, env: NodeJS.ProcessEnv, profileDir: string | null): ChildProcess {
  const args = [...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), "--import", "tsx", path.join(ROOT, "lib", "server", "serve.ts"), "--port", String(port), "--hostname", "127.0.0.1"];
  return spawn(process.execPath, args, { env: { ...env, WEB_CONCURRENCY: String(processes) }, stdio: ["ignore", "ignore", "inherit"] });
}

async function measureServer(o: TOptions, processes: number, serverEnv: NodeJS.ProcessEnv, profileDir: string | null, context: (credentials: () => TBenchCredentials) => TScenarioContext, fixtures: TBenchFixtures): Promise<TServerRun> {
  const port = await spareport();
  const origin = `http://127.0.0.1:${port}`;
  log(`Serveur (${processes} processus) sur ${origin}…`);
  const loopDir = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-bench-loop-"));
  const server = startServer(processes, port, { ...serverEnv, NEXTAUTH_URL: origin, DMP_LOOP_REPORT_DIR: loopDir }, profileDir);
  const sampler = new MemorySampler(server.pid as number);
  const rows: TRow[] = [];
  let overload: TOverloadRow | null = null;
  let memory: ReturnType<MemorySampler["report"]> = { peakRssMb: 0, vmHwmMb: 0, currentRssMb: 0 };
  try {
    await waitForHealth(origin, server);
    sampler.start();
    let credentials = await mintCredentials(fixtures);
    const ctx = context(() => credentials);
    const scenarios = SCENARIOS.filter((x) => o.only.includes(x.id));

    // Each read must answer 200 with the real page before it is loaded.
    let listBytes = 50_000;
    for (const s of scenarios.filter((x) => !x.ingestDocuments)) {
      const res = await fetch(`${origin}${s.path(ctx)}`, { headers: s.headers(ctx), redirect: "manual" });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${s.label} : statut ${res.status} au lieu de 200 (session refusée ?) ${body.toString("utf8").slice(0, 300)}`);
      if (s.id === "documents") listBytes = body.length;
      log(`  ${s.label} : 200, ${body.length} octets`);
    }
    const references = REFERENCES(listBytes);
    const runId = `${Date.now()}${processes}`;
    const scenarioOf = (s: TScenario, connections: number, durationSec: number, round = 0): TLoadScenario => ({
      url: `${origin}${s.path(ctx)}`,
      method: s.ingestDocuments ? "POST" : "GET",
      headers: s.headers(ctx),
      connections,
      durationSec,
      ...(s.ingestDocuments
        ? {
            ingest: {
              runId: `${runId}${s.ingestDocuments}${connections}${durationSec}${round}`,
              finess: fixtures.professional.finess,
              authorIdNat: fixtures.professional.idNat,
              typeCode: fixtures.professional.typeCode,
              patients: fixtures.feedPatients,
              documentsPerBundle: s.ingestDocuments,
            },
          }
        : {}),
    });

    // References and reads first, the feeds last: the notifications a feed writes are mailed
    // in the background afterwards, which is not what a page measures. Within each group the
    // measurement is split into rounds taken in turn (reference, page, page…, reference…): the
    // machine's speed drifts by up to 2× over minutes, and a ratio between two scenarios
    // measured minutes apart measured the drift.
    const groups = [[...references, ...scenarios.filter((x) => !x.ingestDocuments)], scenarios.filter((x) => x.ingestDocuments)];
    const baselineRps = new Map<number, number>();
    for (const group of groups) {
      for (const s of group) {
        credentials = await mintCredentials(fixtures); // API tokens live 5 minutes
        log(`${s.label} : échauffement…`);
        await runLoad(scenarioOf(s, 8, Math.min(3, o.durationSec)));
      }
      // ITI-65 counts documents (a Bundle of 20 is 20), the reads count responses.
      const rateOf = (s: TScenario) => (r: TLoadResult) => (s.ingestDocuments ? r.okPerSec : r.rps);
      const unit = (s: TScenario) => (s.ingestDocuments ? "doc/s" : "req/s");
      for (const connections of o.levels) {
        const rounds = new Map<string, TLoadResult[]>();
        for (let round = 1; round <= o.rounds; round++) {
          for (const s of group) {
            credentials = await mintCredentials(fixtures);
            const result = await runMeasured(scenarioOf(s, connections, o.durationSec / o.rounds, round), server.pid as number);
            rounds.set(s.id, [...(rounds.get(s.id) ?? []), result]);
            log(`  ${s.label}, ${connections} connexions, tour ${round}/${o.rounds} : ${rateOf(s)(result)} ${unit(s)}, CPU serveur ${cpuPerResponse(result) ?? "—"} ms/réponse${stolen(result)}`);
          }
        }
        for (const s of group) {
          const result = combineRounds(rounds.get(s.id) ?? [], rateOf(s));
          if (s.id === "baseline") baselineRps.set(connections, result.rps);
          const base = baselineRps.get(connections);
          const rate = rateOf(s)(result);
          const ratio = s.id === "baseline" ? 1 : base ? rate / base : null;
          rows.push({ id: s.id, label: s.label, processes, connections, result, ratio, documentsPerRequest: s.ingestDocuments ?? 0 });
          const errors = result.errors + result.timeouts + result.non2xx;
          log(`${s.label}, ${connections} connexions : ${rate} ${unit(s)} (tours : ${result.roundRates.join(", ")}), p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, erreurs ${errors}${errors ? ` ${JSON.stringify(result.statusCounts)}` : ""}, CPU serveur ${cpuPerResponse(result) ?? "—"} ms/réponse${stolen(result)}`);
        }
      }
    }

    const overloaded = SCENARIOS.find((x) => x.id === OVERLOAD_SCENARIO_ID);
    if (o.overload && overloaded) {
      await settleFeedNotifications(serverEnv.DATABASE_URL as string);
      credentials = await mintCredentials(fixtures);
      log(`Surcharge : ${o.overload.connections} connexions pendant ${o.overload.durationSec} s (${overloaded.label})…`);
      sampler.resetPeak();
      // 503 is an expected answer here: only 200 counts as served.
      const overloadFrom = Date.now();
      const result = await runMeasured({ ...scenarioOf(overloaded, o.overload.connections, o.overload.durationSec), expectStatus: 200, timeoutSec: OVERLOAD_TIMEOUT_SEC }, server.pid as number);
      const overloadTo = Date.now();
      const peakRssMb = sampler.report().peakRssMb;
      // Each process logs its longest stall every interval: the line covering the end comes within one.
      await new Promise((r) => setTimeout(r, LOOP_LOG_INTERVAL_MS + 200));
      const serverLoopMaxMs = longestLoopDelayMs(loopDir, overloadFrom, overloadTo);
      overload = { processes, connections: o.overload.connections, durationSec: o.overload.durationSec, result, peakRssMb, serverLoopMaxMs };
      log(`  ${result.requests} réponses, 503 : ${result.statusCounts["503"] ?? 0}, délais dépassés : ${result.timeouts}, attente max ${result.max} ms (200 : ${result.maxByStatus["200"] ?? "—"} ms, 503 : ${result.maxByStatus["503"] ?? "—"} ms ; retard propre de l'outil de charge ${result.clientLagMaxMs} ms ; la plus lente envoyée à ${result.maxSentAtSec} s ; ${result.slowerThan2s} au-delà de 2 s), p99 ${result.p99} ms, boucle du serveur arrêtée au plus ${serverLoopMaxMs ?? "—"} ms, pic mémoire ${peakRssMb} Mo${stolen(result)}`);
    }
    memory = sampler.report();
  } finally {
    sampler.stop();
    await stopServer(server);
    fs.rmSync(loopDir, { recursive: true, force: true });
  }
  return { rows, overload, memory };
}

/**
 * The feed measurements leave thousands of notifications for the background job to mail (an
 * ITI-65 run at 2,000 documents/s writes as many): marked settled here, in the bench's own
 * database, so the next series measures its pages, not the mailing of the last one's feeds.
 */
async function settleFeedNotifications(url: string): Promise<void> {
  const { createPrismaClient } = await import("@/lib/db/create-client");
  const db = createPrismaClient(url);
  try {
    const { count } = await db.notification.updateMany({ where: { settledAt: null }, data: { settledAt: new Date() } });
    if (count > 0) log(`${count} notifications des mesures d'alimentation marquées traitées (leur envoi n'est pas mesuré).`);
  } finally {
    await db.$disconnect();
  }
}

// --- Main --------------------------------------------------------------------------------

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const loadavgStart = os.loadavg();
  if (o.postgresqlUrl) await ensurePostgresqlDatabase(o.postgresqlUrl, o);
  else ensureDatabase(o);

  const url = o.postgresqlUrl ?? `file:${o.dbFile}`;
  // The server and the token minting share this secret (no file next to the database).
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET = crypto.randomBytes(32).toString("base64url");
  const [{ createPrismaClient }, { prepareFixtures, mintCredentials: mint }, { explainReads }] = await Promise.all([
    import("@/lib/db/create-client"),
    import("./fixtures"),
    import("./explain"),
  ]);
  mintCredentials = mint;
  const db = createPrismaClient(url);
  const fixtures = await prepareFixtures(db);
  const counts = { patients: await db.patient.count(), documents: await db.document.count(), traces: await db.trace.count() };
  await db.$disconnect();
  log(`Dossier de 500 documents : ${fixtures.documentsPatient.documentCount} documents ; dossier long : ${fixtures.tracesPatient.traceCount} traces ; professionnel ${fixtures.professional.name}.`);

  log("Plans de requêtes (EXPLAIN QUERY PLAN)…");
  // EXPLAIN QUERY PLAN is SQLite's (explain.ts reads the file): no plans on PostgreSQL.
  const plans = o.postgresqlUrl ? [] : await explainReads(url, fixtures, await mintCredentials(fixtures));
  for (const p of plans) log(`  ${p.scenario} : ${p.queries} requêtes SQL, ${p.totalMs} ms`);

  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: ".next-bench",
    NEXT_SKIP_TYPECHECK: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    DEV_TOOLS: "0",
    BENCH_BASELINE: "1",
    // As `npm run serve` (package.json): V8 would otherwise grow the heap to ~500 MB
    // before collecting; 256 MB keeps the server near 300 MB at the same throughput.
    NODE_OPTIONS: `--max-old-space-size=256 ${process.env.NODE_OPTIONS ?? ""}`.trim(),
  };
  const profileDir = o.cpuProf ? path.join(ROOT, "bench", "profiles") : null;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  if (!o.skipBuild || !fs.existsSync(path.join(ROOT, ".next-bench", "BUILD_ID"))) build(serverEnv);

  const rows: TRow[] = [];
  const overloads: TOverloadRow[] = [];
  let memory: ReturnType<MemorySampler["report"]> = { peakRssMb: 0, vmHwmMb: 0, currentRssMb: 0 };
  for (const processes of o.processes) {
    await settleFeedNotifications(url);
    const run = await measureServer(o, processes, serverEnv, profileDir, (credentials) => ({ fixtures, credentials }), fixtures);
    rows.push(...run.rows);
    if (run.overload) overloads.push(run.overload);
    if (run.memory.peakRssMb > memory.peakRssMb) memory = run.memory;
  }

  // The references last in the table, as the issue lists them.
  const referenceIds = REFERENCES(0).map((r) => r.id);
  const ordered = o.processes.flatMap((n) => {
    const mine = rows.filter((r) => r.processes === n);
    return [...mine.filter((r) => !referenceIds.includes(r.id)), ...referenceIds.flatMap((id) => mine.filter((r) => r.id === id))];
  });
  const dbSize = await databaseSize(url);
  const meta = {
    startedAt: startedAt.toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    node: process.version,
    loadavgStart,
    loadavgEnd: os.loadavg(),
    patients: counts.patients,
    counts,
    durationSec: o.durationSec,
    rounds: o.rounds,
    quick: o.quick,
    processes: o.processes,
    dbFile: o.postgresqlUrl ? "PostgreSQL" : path.relative(ROOT, o.dbFile),
  };
  const md = markdown(meta, ordered, overloads, memory, plans, dbSize);
  const outDir = path.join(ROOT, "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  fs.writeFileSync(path.join(outDir, `${stamp}.md`), md);
  fs.writeFileSync(path.join(outDir, `${stamp}.json`), `${JSON.stringify({ meta, memory, dbSize, results: ordered, overloads, plans }, null, 2)}\n`);
  printTable(md);
  log(`Résultats : bench/results/${stamp}.md et .json`);
  if (profileDir) log(`Profils CPU du serveur : ${path.relative(ROOT, profileDir)}/ (npx tsx lib/bench/profile-summary.ts <fichier>)`);
}

/** Set once the fixtures module is loaded (it needs DATABASE_URL and the secret first). */
let mintCredentials: (f: TBenchFixtures) => Promise<TBenchCredentials> = () => Promise.reject(new Error("fixtures non chargées"));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
