/**
 * The sandbox reset on PostgreSQL (postgresql-demo-template.ts): after a suite changed the
 * demo, every data table comes back row for row (count and checksum per table), the serial
 * ids continue after the template's, the traces stay append-only (TRUNCATE included) and
 * chain on; a template behind the schema changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { verifyTraceChain } from "@/lib/traces/verify-chain";
import { seedDemo } from "@/prisma/seed";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { parseSandboxInput } from "./parse-input";
import { DemoTemplateError, resetDemoData } from "./reset-demo-data";
import { DEMO_TEMPLATE_SCHEMA, writePostgresqlDemoTemplate } from "./postgresql-demo-template";

const NOW = new Date("2026-11-26T12:00:00Z");
let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "reset-pg" });
  vi.stubEnv("DATABASE_URL", db.url);
  await seedDemo(db.prisma, { now: NOW });
  await writePostgresqlDemoTemplate(db.url);
}, 300_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.cleanup();
});

/** Row count and checksum of every data table of a schema. */
async function snapshot(schema: string): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRaw<{ name: string }[]>`
    SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables WHERE table_schema = ${schema} AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('_prisma_migrations', '_sequences') ORDER BY table_name`;
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: bigint; sum: string | null }[]>(
      `SELECT COUNT(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM ${schema}."${name}" t`,
    );
    result[name] = `${row!.n}:${row!.sum}`;
  }
  return result;
}

describe("sandbox reset on PostgreSQL", () => {
  it("puts every table back as the template holds it, in one transaction", async () => {
    const expected = await snapshot(DEMO_TEMPLATE_SCHEMA);
    await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    await db.prisma.account.update({ where: { loginId: "jean.martin" }, data: { email: "change@exemple.fr" } });
    await db.prisma.patientBlock.deleteMany({});
    expect(await snapshot("public")).not.toEqual(expected);
    const summary = await resetDemoData(db.prisma, "unused on PostgreSQL");
    expect(await snapshot("public")).toEqual(expected);
    expect(summary.tables).toBe(Object.keys(expected).length);
  });

  it("leaves the traces append-only, TRUNCATE included, and new traces chain on with later ids", async () => {
    await resetDemoData(db.prisma, "unused on PostgreSQL");
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "Trace"`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "Trace" CASCADE`)).rejects.toThrow(/append-only/);
    const lastDemoTrace = await db.prisma.trace.findFirstOrThrow({ orderBy: { id: "desc" } });
    const { patientId } = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const newTrace = await db.prisma.trace.findFirstOrThrow({ where: { patientId } });
    expect(newTrace.id).toBeGreaterThan(lastDemoTrace.id);
    expect(await verifyTraceChain(db.prisma, patientId)).toBeNull();
  });

  it("refuses, changing nothing, when the template no longer matches the schema", async () => {
    await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const before = await snapshot("public");
    await db.runOutsideApp(`ALTER TABLE ${DEMO_TEMPLATE_SCHEMA}."Patient" ADD COLUMN legacy TEXT`);
    await expect(resetDemoData(db.prisma, "schéma demo_template")).rejects.toMatchObject({ problem: "OUTDATED" });
    expect(await snapshot("public")).toEqual(before);
    await db.runOutsideApp(`DROP SCHEMA ${DEMO_TEMPLATE_SCHEMA} CASCADE`);
    await expect(resetDemoData(db.prisma, "schéma demo_template")).rejects.toBeInstanceOf(DemoTemplateError);
  });
});
