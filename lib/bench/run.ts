/**
 * `npm run bench` — measures the production build on a large database.
 *   --patients N   size of the generated database (default 100000)
 *   --quick        10 000 patients and shorter runs
 *   --duration S   seconds per measured run (default 10, quick 5)
 *   --db FILE      database file (default prisma/data/bench-<N>.db, built when missing)
 *   --reuse        require an existing file (never generate)
 *   --skip-build   reuse the last build in .next-bench
 *   --no-migrate   leave the file's migrations as they are (to measure an older build)
 *   --only a,b     run only these scenarios (documents, pro-record, content, traces, iti67,
 *                  ingest, ingest20; the two references always run: the no-DB JSON baseline, which
 *                  every ratio needs, and a no-DB dynamic page, the floor of page rendering)
 *   --levels 1,8   connection levels (default 1,8,32)
 *   --cpu-prof     write the server's V8 CPU profile into bench/profiles/ (for
 *                  `npx tsx lib/bench/profile-summary.ts <file>`)
 * Builds the app into .next-bench, starts `next start` on a spare port against the large
 * database, loads seven routes from a separate process (lib/bench/load.ts, autocannon) at
 * 1, 8 and 32 connections, samples the server's memory, and writes bench/results/<time>.md
 * and .json (plus the SQL query plans behind reads 1-5).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TLoadResult, TLoadScenario } from "./load";
import { refreshPlannerStatistics } from "../db/planner-statistics";
import type { TScenarioPlans } from "./explain";

const ROOT = process.cwd();
const BIN = path.join(ROOT, "node_modules", ".bin");
const LEVELS = [1, 8, 32] as const;
const SCENARIO_IDS = ["documents", "pro-record", "content", "traces", "iti67", "ingest", "ingest20"] as const;
/** ITI-65 scenarios post bundles (of this many documents) and count documents per second. */
const BUNDLE_SIZES: Record<string, number> = { ingest: 1, ingest20: 20 };

type TOptions = {
  patients: number;
  quick: boolean;
  durationSec: number;
  dbFile: string;
  reuse: boolean;
  skipBuild: boolean;
  migrate: boolean;
  only: readonly string[];
  levels: readonly number[];
  cpuProf: boolean;
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
  const db = value("db");
  const only = (value("only") ?? SCENARIO_IDS.join(",")).split(",").filter(Boolean);
  const unknown = only.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
  if (unknown.length) throw new Error(`--only : scénario inconnu ${unknown.join(", ")} (attendus : ${SCENARIO_IDS.join(", ")}).`);
  const levels = (value("levels") ?? LEVELS.join(",")).split(",").map(Number);
  if (levels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--levels : entiers ≥ 1 séparés par des virgules attendus.");
  return {
    only,
    levels,
    cpuProf: argv.includes("--cpu-prof"),
    patients,
    quick,
    durationSec,
    dbFile: path.resolve(db ?? path.join(ROOT, "prisma", "data", `bench-${patients}.db`)),
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

class MemorySampler {
  peakTreeRssKb = 0;
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

type TRow = { id: string; label: string; connections: number; result: TLoadResult; ratio: number | null };

function markdown(meta: Record<string, unknown>, rows: TRow[], memory: ReturnType<MemorySampler["report"]>, plans: TScenarioPlans[], dbSize: { db: number; wal: number }): string {
  const lines: string[] = [];
  const m = meta as { startedAt: string; cpus: number; cpuModel: string; loadavgStart: number[]; loadavgEnd: number[]; patients: number; counts: Record<string, number>; durationSec: number; node: string };
  lines.push(`# Mesures de performance — ${m.startedAt}`, "");
  lines.push(
    `Machine : ${m.cpus} CPU (${m.cpuModel}), Node ${m.node}, charge moyenne (1/5/15 min) au début ${m.loadavgStart.map((n) => n.toFixed(2)).join(" / ")}, à la fin ${m.loadavgEnd.map((n) => n.toFixed(2)).join(" / ")}.`,
  );
  lines.push(
    `Base : ${m.patients} patients, ${m.counts.documents} documents, ${m.counts.traces} traces ; fichier ${(dbSize.db / 1e9).toFixed(2)} Go (+ WAL ${(dbSize.wal / 1e6).toFixed(1)} Mo). Durée par mesure : ${m.durationSec} s.`,
  );
  lines.push(`Mémoire du serveur (next start et ses enfants) : pic ${memory.peakRssMb} Mo (VmHWM ${memory.vmHwmMb} Mo), ${memory.currentRssMb} Mo à la fin.`, "");
  lines.push("| scénario | connexions | req/s | × référence | p50 ms | p95 ms | p99 ms | erreurs |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const rate = r.id in BUNDLE_SIZES ? `${r.result.okPerSec} doc/s` : String(r.result.rps);
    const errors = r.result.errors + r.result.timeouts + r.result.non2xx;
    lines.push(`| ${r.label} | ${r.connections} | ${rate} | ${r.ratio === null ? "—" : r.ratio.toFixed(2)} | ${r.result.p50} | ${r.result.p95} | ${r.result.p99} | ${errors} |`);
  }
  lines.push(
    "",
    "× référence : débit rapporté à celui de la route de référence (/api/bench/baseline, JSON fixe de même taille, sans base) au même nombre de connexions.",
    "La ligne 8 (une page rendue par le serveur, sans aucun accès à la base) donne le plancher du rendu de page de Next.js sur cette machine : les lectures 1, 2 et 4 sont des pages et ne peuvent pas aller plus vite qu'elle.",
    "",
  );
  lines.push("## Requêtes SQL des lectures 1 à 5 (EXPLAIN QUERY PLAN)", "");
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

// --- Main --------------------------------------------------------------------------------

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const loadavgStart = os.loadavg();
  ensureDatabase(o);

  const url = `file:${o.dbFile}`;
  // The server and the token minting share this secret (no file next to the database).
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET = crypto.randomBytes(32).toString("base64url");
  const [{ createPrismaClient }, { prepareFixtures, mintCredentials }, { explainReads }] = await Promise.all([
    import("@/lib/db/create-client"),
    import("./fixtures"),
    import("./explain"),
  ]);
  const db = createPrismaClient(url);
  const fixtures = await prepareFixtures(db);
  const counts = { patients: await db.patient.count(), documents: await db.document.count(), traces: await db.trace.count() };
  await db.$disconnect();
  log(`Dossier de 500 documents : ${fixtures.documentsPatient.documentCount} documents ; dossier long : ${fixtures.tracesPatient.traceCount} traces ; professionnel ${fixtures.professional.name}.`);

  log("Plans de requêtes (EXPLAIN QUERY PLAN)…");
  const plans = await explainReads(url, fixtures, await mintCredentials(fixtures));
  for (const p of plans) log(`  ${p.scenario} : ${p.queries} requêtes SQL, ${p.totalMs} ms`);

  const port = await spareport();
  const origin = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: ".next-bench",
    NEXT_SKIP_TYPECHECK: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    DEV_TOOLS: "0",
    BENCH_BASELINE: "1",
    NEXTAUTH_URL: origin,
    // As `npm run serve` (package.json): V8 would otherwise grow the heap to ~500 MB
    // before collecting; 256 MB keeps the server near 300 MB at the same throughput.
    NODE_OPTIONS: `--max-old-space-size=256 ${process.env.NODE_OPTIONS ?? ""}`.trim(),
  };
  const profileDir = path.join(ROOT, "bench", "profiles");
  if (o.cpuProf) fs.mkdirSync(profileDir, { recursive: true });
  if (!o.skipBuild || !fs.existsSync(path.join(ROOT, ".next-bench", "BUILD_ID"))) build(serverEnv);

  log(`next start sur ${origin}…`);
  // Node refuses --cpu-prof in NODE_OPTIONS: run Next's CLI through node itself.
  const nextArgs = ["start", "-p", String(port), "-H", "127.0.0.1"];
  const server = o.cpuProf
    ? spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), ...nextArgs], {
        env: serverEnv,
        stdio: ["ignore", "ignore", "inherit"],
      })
    : spawn(path.join(BIN, "next"), nextArgs, { env: serverEnv, stdio: ["ignore", "ignore", "inherit"] });
  const sampler = new MemorySampler(server.pid as number);
  const rows: TRow[] = [];
  let memory: ReturnType<MemorySampler["report"]> = { peakRssMb: 0, vmHwmMb: 0, currentRssMb: 0 };
  try {
    await waitForHealth(origin, server);
    sampler.start();
    let credentials = await mintCredentials(fixtures);

    const fhirSearch = `/api/fhir/DocumentReference?patient.identifier=${encodeURIComponent(`urn:oid:1.2.250.1.213.1.4.8|${fixtures.documentsPatient.nir}`)}`;
    const scenarios = [
      { id: "documents", label: "1. liste des documents (patient, 1re page)", path: "/patient/documents", auth: () => ({ cookie: credentials.patientDocumentsCookie }) },
      { id: "pro-record", label: "2. dossier vu par un professionnel", path: `/pro/patients/${fixtures.documentsPatient.id}`, auth: () => ({ cookie: credentials.proCookie }) },
      { id: "content", label: "3. ouverture d'un document (contenu)", path: `/patient/documents/${fixtures.documentId}/contenu`, auth: () => ({ cookie: credentials.patientDocumentsCookie }) },
      { id: "traces", label: "4. historique des traces (patient, 1re page)", path: "/patient/historique", auth: () => ({ cookie: credentials.patientTracesCookie }) },
      { id: "iti67", label: "5. FHIR ITI-67 (recherche)", path: fhirSearch, auth: () => ({ authorization: `Bearer ${credentials.bearer}`, accept: "application/fhir+json" }) },
      { id: "ingest", label: "6. FHIR ITI-65 (alimentation)", path: "/api/fhir", auth: () => ({ authorization: `Bearer ${credentials.bearer}`, accept: "application/fhir+json" }) },
      { id: "ingest20", label: "6b. FHIR ITI-65 (lots de 20 documents)", path: "/api/fhir", auth: () => ({ authorization: `Bearer ${credentials.bearer}`, accept: "application/fhir+json" }) },
    ].filter((x) => o.only.includes(x.id));

    // Each read must answer 200 with the real page before it is loaded.
    let listBytes = 50_000;
    for (const s of scenarios.filter((x) => !(x.id in BUNDLE_SIZES))) {
      const res = await fetch(`${origin}${s.path}`, { headers: s.auth(), redirect: "manual" });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${s.label} : statut ${res.status} au lieu de 200 (session refusée ?) ${body.toString("utf8").slice(0, 300)}`);
      if (s.id === "documents") listBytes = body.length;
      log(`  ${s.label} : 200, ${body.length} octets`);
    }
    const baseline = { id: "baseline", label: "7. référence (JSON fixe, sans base)", path: `/api/bench/baseline?bytes=${listBytes}`, auth: () => ({}) };
    // The floor of a server-rendered page in this framework: the patient sign-in form, a
    // dynamic page (it reads the session cookie) with no database access at all.
    const pageFloor = { id: "page-floor", label: "8. page dynamique sans base (connexion patient)", path: "/patient/connexion", auth: () => ({}) };
    const runId = `${Date.now()}`;
    const scenarioOf = (s: (typeof scenarios)[number] | typeof baseline | typeof pageFloor, connections: number, durationSec: number): TLoadScenario => ({
      url: `${origin}${s.path}`,
      method: s.id in BUNDLE_SIZES ? "POST" : "GET",
      headers: s.auth() as Record<string, string>,
      connections,
      durationSec,
      ...(s.id in BUNDLE_SIZES
        ? {
            ingest: {
              documentsPerBundle: BUNDLE_SIZES[s.id],
              runId: `${runId}${connections}${durationSec}`,
              finess: fixtures.professional.finess,
              authorIdNat: fixtures.professional.idNat,
              typeCode: fixtures.professional.typeCode,
              patients: fixtures.feedPatients,
            },
          }
        : {}),
    });

    const all = [baseline, ...scenarios, pageFloor];
    const baselineRps = new Map<number, number>();
    for (const s of all) {
      credentials = await mintCredentials(fixtures); // API tokens live 5 minutes
      log(`${s.label} : échauffement…`);
      await runLoad(scenarioOf(s, 8, Math.min(3, o.durationSec)));
      for (const connections of o.levels) {
        const result = await runLoad(scenarioOf(s, connections, o.durationSec));
        if (s.id === "baseline") baselineRps.set(connections, result.rps);
        const base = baselineRps.get(connections);
        const rate = s.id in BUNDLE_SIZES ? result.okPerSec : result.rps;
        const ratio = s.id === "baseline" ? 1 : base ? rate / base : null;
        rows.push({ id: s.id, label: s.label, connections, result, ratio });
        const errors = result.errors + result.timeouts + result.non2xx;
        log(`  ${connections} connexions : ${rate} ${s.id in BUNDLE_SIZES ? "doc/s" : "req/s"}, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, erreurs ${errors}${errors ? ` ${JSON.stringify(result.statusCounts)}` : ""}`);
      }
    }
    memory = sampler.report();
  } finally {
    sampler.stop();
    await stopServer(server);
  }

  // Baseline last in the table, as the issue lists it.
  const references = ["baseline", "page-floor"];
  const ordered = [...rows.filter((r) => !references.includes(r.id)), ...references.flatMap((id) => rows.filter((r) => r.id === id))];
  const dbSize = { db: fileSize(o.dbFile), wal: fileSize(`${o.dbFile}-wal`) };
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
    quick: o.quick,
    dbFile: path.relative(ROOT, o.dbFile),
  };
  const md = markdown(meta, ordered, memory, plans, dbSize);
  const outDir = path.join(ROOT, "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  fs.writeFileSync(path.join(outDir, `${stamp}.md`), md);
  fs.writeFileSync(path.join(outDir, `${stamp}.json`), `${JSON.stringify({ meta, memory, dbSize, results: ordered, plans }, null, 2)}\n`);
  printTable(md);
  log(`Résultats : bench/results/${stamp}.md et .json`);
  if (o.cpuProf) log(`Profils CPU du serveur : ${path.relative(ROOT, profileDir)}/ (npx tsx lib/bench/profile-summary.ts <fichier>)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
