/**
 * `npm run bench:reset` — how long the sandbox reset takes.
 *   (no option)    on a fresh demo database in a temporary folder (seeded like `npm start`),
 *                  in this process: each round adds a patient (record, account, trace,
 *                  notification), then resets;
 *   --url URL      on a running server in sandbox mode: POST URL/api/sandbox/reinitialisation;
 *   --rounds N     how many resets (default 10).
 * Prints each round and the median and the slowest, in milliseconds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function report(times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  console.log(`Réinitialisation : médiane ${median} ms, la plus lente ${sorted[sorted.length - 1]} ms (${times.length} essais).`);
}

async function overHttp(baseUrl: string, rounds: number): Promise<void> {
  const times: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    const started = performance.now();
    const response = await fetch(new URL("/api/sandbox/reinitialisation", baseUrl), { method: "POST" });
    const body = (await response.json()) as { elapsedMs?: number; rows?: number; error?: string };
    if (!response.ok) throw new Error(`${response.status} ${body.error ?? ""}`);
    const wall = Math.round(performance.now() - started);
    times.push(wall);
    console.log(`  essai ${i} : ${wall} ms de bout en bout (${body.elapsedMs} ms dans le serveur, ${body.rows} lignes)`);
  }
  report(times);
}

async function inProcess(rounds: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-reset-bench-"));
  const file = path.join(dir, "dmp.db");
  // Before the imports: the seed writes its card files next to "the" database, this one.
  process.env.DATABASE_URL = `file:${file}`;
  const { applyMigrations } = await import("@/lib/testing/test-database");
  const { createPrismaClient } = await import("@/lib/db/create-client");
  const { seedDemo } = await import("@/prisma/seed");
  const { writeDemoTemplate } = await import("../demo-template");
  const { resetDemoData } = await import("../reset-demo-data");
  const { createSandboxPatient, patientInputSchema } = await import("../create-patient");
  const prisma = createPrismaClient(process.env.DATABASE_URL);
  try {
    applyMigrations(file);
    await prisma.$executeRawUnsafe("PRAGMA journal_mode = WAL");
    console.log("Base de démonstration temporaire : chargement…");
    await seedDemo(prisma);
    writeDemoTemplate(file);
    const times: number[] = [];
    for (let i = 1; i <= rounds; i++) {
      await createSandboxPatient(prisma, patientInputSchema.parse({}));
      const { elapsedMs, rows, tables } = await resetDemoData(prisma, `${file}.template`);
      times.push(elapsedMs);
      console.log(`  essai ${i} : ${elapsedMs} ms (${rows} lignes, ${tables} tables)`);
    }
    report(times);
  } finally {
    await prisma.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rounds = Number(option("rounds") ?? 10);
const url = option("url");
(url ? overHttp(url, rounds) : inProcess(rounds)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
