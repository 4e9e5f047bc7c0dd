/**
 * The sandbox reset on a real demo database: whatever a suite added, changed or removed,
 * every data table comes back row for row as the template holds it (counts and a checksum
 * per table), the append-only triggers stand again, and new traces chain on. A template
 * that is missing or behind the schema changes nothing and says what to run.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limits";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { verifyTraceChain } from "@/lib/traces/verify-chain";
import { seedDemo } from "@/prisma/seed";
import { createSandboxDocument, documentInputSchema } from "./create-document";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { migrationsMissingFromTemplate, writeDemoTemplate } from "./demo-template";
import { parseSandboxInput } from "./parse-input";
import { createSandboxRelation, relationInputSchema } from "./relations";
import { DemoTemplateError, resetDemoData } from "./reset-demo-data";
import { advanceClock, loadClockOffsets } from "@/lib/clock/clock-store";
import { setClockReloader } from "@/lib/clock/offsets";
import { platformNowMs, realNowMs } from "@/lib/clock/clock";
import { handleResetRequest } from "./reset-route";

const NOW = new Date("2026-11-26T12:00:00Z");

let db: TTestDatabase;
let template: string;

beforeAll(async () => {
  db = await createTestDatabase({ name: "reset" });
  // The seed writes the demo card files next to "the" database: this one.
  vi.stubEnv("DATABASE_URL", db.url);
  await seedDemo(db.prisma, { now: NOW });
  template = `${db.file}.template`;
  writeDemoTemplate(db.file, template);
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.cleanup();
});

type TSnapshot = Record<string, { rows: number; checksum: string }>;

/** Every data table (and the AUTOINCREMENT counters) of a file: row count and a checksum of its rows, in any order. */
function snapshot(file: string): TSnapshot {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = (
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_prisma_migrations' ORDER BY name`).all() as { name: string }[]
    ).map((t) => t.name);
    const result: TSnapshot = {};
    for (const table of [...tables, "sqlite_sequence"]) {
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).raw().all();
      const lines = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString("base64") : typeof value === "bigint" ? String(value) : value))).sort();
      result[table] = { rows: rows.length, checksum: createHash("sha256").update(lines.join("\n")).digest("hex") };
    }
    return result;
  } finally {
    sqlite.close();
  }
}

function triggersOf(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  } finally {
    sqlite.close();
  }
}

/** What a suite leaves behind: new people, documents, traces, a blocked card, counters, a changed and a removed demo row. */
async function disturbTheDemo(): Promise<void> {
  const p = db.prisma;
  const patient = await createSandboxPatient(p, parsed(parseSandboxInput(patientInputSchema, {})));
  const doctor = await createSandboxProfessional(p, parsed(parseSandboxInput(professionalInputSchema, {})));
  await createSandboxRelation(p, parsed(parseSandboxInput(relationInputSchema, { relation: "consentement", patientId: patient.patientId, professionalId: doctor.professionalId })));
  await createSandboxDocument(p, parsed(parseSandboxInput(documentInputSchema, { patientId: patient.patientId, authorId: doctor.professionalId, masking: ["MASQUE_PS"] })));
  const demoCard = await p.cpsCard.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { serial: "asc" } });
  await p.cpsCard.update({ where: { serial: demoCard.serial }, data: { status: "BLOCKED", pinTries: 3 } });
  await consumeRateLimit(p, "patientSignIn", { account: "jean.martin", address: "203.0.113.7" });
  await p.account.update({ where: { loginId: "jean.martin" }, data: { email: "change@exemple.fr" } });
  await p.patientBlock.deleteMany({});
}

describe("sandbox reset", () => {
  it("refuses in French, changing nothing, when the template is missing", async () => {
    const before = snapshot(db.file);
    const missing = `${db.file}.absent`;
    const refusal = resetDemoData(db.prisma, missing);
    await expect(refusal).rejects.toBeInstanceOf(DemoTemplateError);
    await expect(refusal).rejects.toMatchObject({ problem: "MISSING" });
    const response = await handleResetRequest(db.prisma, missing);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toMatch(/modèle des données de démonstration .* introuvable\. Lancez « npm run db:prepare »/);
    expect(snapshot(db.file)).toEqual(before);
  });

  it("refuses, changing nothing, when the template no longer matches the schema; the next reset still works", async () => {
    await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const before = snapshot(db.file);
    const outdated = `${db.file}.outdated`;
    fs.copyFileSync(template, outdated);
    const sqlite = new Database(outdated);
    sqlite.exec(`ALTER TABLE "Patient" ADD COLUMN "legacy" TEXT`);
    sqlite.close();
    const response = await handleResetRequest(db.prisma, outdated);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toMatch(/ne correspond plus au schéma de la base\. Lancez « npm run db:prepare »/);
    expect(snapshot(db.file)).toEqual(before);
    expect(triggersOf(db.file)).toEqual(triggersOf(template));
    // The template was detached: the same connection resets again.
    await resetDemoData(db.prisma, template);
    expect(snapshot(db.file)).toEqual(snapshot(template));
  });

  it("puts every table back as the template holds it after a suite added patients, documents, traces and blocked a card", async () => {
    const expected = snapshot(template);
    await disturbTheDemo();
    const disturbed = snapshot(db.file);
    for (const table of ["Patient", "Account", "Professional", "CpsCard", "Document", "Trace", "Notification", "RateLimitCounter", "PatientBlock"]) {
      expect(disturbed[table], table).not.toEqual(expected[table]);
    }

    const summary = await resetDemoData(db.prisma, template);
    console.log(`Réinitialisation du bac à sable : ${summary.rows} lignes, ${summary.tables} tables, ${summary.elapsedMs} ms`);

    expect(snapshot(db.file)).toEqual(expected);
    expect(summary.tables).toBe(Object.keys(expected).length - 1);
    expect(summary.rows).toBe(Object.entries(expected).reduce((sum, [table, t]) => (table === "sqlite_sequence" ? sum : sum + t.rows), 0));
    expect(await db.prisma.$queryRawUnsafe<unknown[]>("PRAGMA foreign_key_check")).toEqual([]);
  });

  it("leaves the traces append-only, and new traces chain on the template's", async () => {
    await resetDemoData(db.prisma, template);
    expect(triggersOf(db.file)).toEqual(["TraceSeal_no_delete", "TraceSeal_no_update", "Trace_no_delete", "Trace_no_update"]);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "Trace"`)).rejects.toThrow();
    const { patientId } = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const lastDemoTrace = await db.prisma.trace.findFirstOrThrow({ where: { patientId: { not: patientId } }, orderBy: { id: "desc" } });
    const newTrace = await db.prisma.trace.findFirstOrThrow({ where: { patientId } });
    expect(newTrace.id).toBeGreaterThan(lastDemoTrace.id);
    expect(await verifyTraceChain(db.prisma, patientId)).toBeNull();
    expect(await verifyTraceChain(db.prisma, lastDemoTrace.patientId)).toBeNull();
  });

  it("puts the sandbox clock back to real time, in the database and in the server's memory", async () => {
    setClockReloader(() => loadClockOffsets(db.prisma));
    await advanceClock(db.prisma, null, 3 * 3_600_000);
    expect(platformNowMs() - realNowMs()).toBeGreaterThanOrEqual(3 * 3_600_000 - 1_000);
    await resetDemoData(db.prisma, template);
    expect(await db.prisma.sandboxClock.count()).toBe(0);
    expect(Math.abs(platformNowMs() - realNowMs())).toBeLessThan(1_000);
  });

  it("db:prepare knows when the template is behind the database's migrations", () => {
    expect(migrationsMissingFromTemplate(db.file, template)).toEqual([]);
    const sqlite = new Database(db.file);
    sqlite.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', '2026-12-01', '29991231000000_future', '2026-12-01', 1)`).run();
    sqlite.close();
    expect(migrationsMissingFromTemplate(db.file, template)).toEqual(["29991231000000_future"]);
  });
});
