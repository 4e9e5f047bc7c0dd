import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { appendTraces, GENESIS_HASH, traceHash, type TTraceInput } from "./append-trace";
import { sealAllChains, sealChangedChainsPaced } from "./seal-chains";
import { existingSealKey, sealKey, type TSealKey } from "./seal-key";
import type { TTraceAction } from "./trace-actions";
import { verifyAllTraceChains } from "./verify-traces";

let db: TTestDatabase;
let key: TSealKey;
let keyFolder: string;
let paul: string;
let anne: string;

const trace = (patientId: string | null, n: number): TTraceInput => ({
  patientId,
  actorKind: "PROFESSIONAL",
  actorId: `pro-${n}`,
  actorName: `Dr Test ${n}`,
  action: "DOCUMENT_READ",
  at: new Date(Date.UTC(2026, 0, 1, 10, 0, n, 0)),
});

beforeEach(async () => {
  db = await createTestDatabase({ name: "verify" });
  keyFolder = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-seal-key-"));
  key = sealKey(path.join(keyFolder, ".trace-seal-key"));
  const person = { birthDate: "1980-01-01", lastName: "Martin", department: "75" };
  paul = (await db.prisma.patient.create({ data: { ...person, nir: "180017505600138", firstName: "Paul", sex: "M" } })).id;
  anne = (await db.prisma.patient.create({ data: { ...person, nir: "280017505600156", firstName: "Anne", sex: "F" } })).id;
  await appendTraces(db.prisma, [trace(paul, 1), trace(anne, 2), trace(paul, 3), trace(null, 4), trace(paul, 5), trace(paul, 6)]);
});

afterEach(async () => {
  await db.cleanup();
  fs.rmSync(keyFolder, { recursive: true, force: true });
});

const publicKey = () => ({ key: key.publicKey, keyId: key.keyId });

/** What someone with direct access to the database can do: drop the triggers, then edit traces. */
async function tamper(...statements: [string, ...unknown[]][]): Promise<void> {
  await db.runOutsideApp(
    db.engine === "postgresql"
      ? `DROP TRIGGER "Trace_no_update" ON "Trace"; DROP TRIGGER "Trace_no_delete" ON "Trace";`
      : `DROP TRIGGER "Trace_no_update"; DROP TRIGGER "Trace_no_delete";`,
  );
  for (const [sql, ...params] of statements) await db.runOutsideApp(sql, ...params);
}

/** Rewrites paul's traces from `fromId` on with consistent hashes (a chain that verifies alone). */
async function rewriteConsistently(fromId: number, actorName: string): Promise<void> {
  const rows = await db.prisma.trace.findMany({ where: { patientId: paul }, orderBy: { id: "asc" } });
  const updates: [string, ...unknown[]][] = [];
  let prev = rows.filter((r) => r.id < fromId).at(-1)?.hash ?? GENESIS_HASH;
  for (const r of rows.filter((x) => x.id >= fromId)) {
    const hash = traceHash(prev, { ...r, actorName, action: r.action as TTraceAction });
    updates.push(["UPDATE Trace SET actorName = ?, prevHash = ?, hash = ? WHERE id = ?", actorName, prev, hash, r.id]);
    prev = hash;
  }
  await tamper(...updates);
}

describe("verifying every trace chain", () => {
  it("finds every chain intact and sealed after a sealing pass", async () => {
    expect(await sealAllChains(db.prisma, key, { window: 2 })).toBeGreaterThanOrEqual(3);
    const report = await verifyAllTraceChains(db.prisma, publicKey());
    expect(report).toMatchObject({ chains: 3, traces: 6, sealedChains: 3, failures: [] });
  });

  it("the job's sealing stops after its window budget and the next run finishes, every chain then sealed", async () => {
    // 6 traces, window 2: three windows; a budget of two leaves the last for the next run.
    const lastTrace = async () => (await db.prisma.trace.aggregate({ _max: { id: true } }))._max.id;
    const lastSealed = async () => (await db.prisma.traceSeal.aggregate({ _max: { lastTraceId: true } }))._max.lastTraceId;
    const first = await sealChangedChainsPaced(db.prisma, key, { window: 2, maxPasses: 2 });
    expect(first).toMatchObject({ complete: false, passes: 2 });
    expect(await lastSealed()).toBeLessThan((await lastTrace()) as number);
    const second = await sealChangedChainsPaced(db.prisma, key, { window: 2, maxPasses: 2 });
    expect(second.complete).toBe(true);
    expect(await lastSealed()).toBe(await lastTrace());
    expect(await verifyAllTraceChains(db.prisma, publicKey())).toMatchObject({ chains: 3, traces: 6, sealedChains: 3, failures: [] });
  });

  it("reports the first broken link of an edited chain: trace, position, expected and found hash", async () => {
    const paulTraces = await db.prisma.trace.findMany({ where: { patientId: paul }, orderBy: { id: "asc" } });
    const second = paulTraces[1]!;
    await tamper(["UPDATE Trace SET actorName = 'Dr Autre' WHERE id = ?", second.id]);
    const report = await verifyAllTraceChains(db.prisma, publicKey());
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({
      patientId: paul,
      brokenLink: { traceId: second.id, position: 2, foundHash: second.hash, expectedPrevHash: paulTraces[0]!.hash },
    });
    expect(report.failures[0]!.brokenLink!.expectedHash).not.toBe(second.hash);
  });

  it("detects with the seal a chain truncated after sealing, which its hashes alone cannot show", async () => {
    await sealAllChains(db.prisma, key);
    const last = await db.prisma.trace.findFirstOrThrow({ where: { patientId: paul }, orderBy: { id: "desc" } });
    await tamper(["DELETE FROM Trace WHERE id = ?", last.id]);
    const report = await verifyAllTraceChains(db.prisma, publicKey());
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ patientId: paul, brokenLink: null, traceCount: 3, seal: { problem: "missing-head", count: 4 } });
  });

  it("detects a chain shortened at its start, even once sealed again afterwards", async () => {
    await sealAllChains(db.prisma, key);
    const first = await db.prisma.trace.findFirstOrThrow({ where: { patientId: anne }, orderBy: { id: "asc" } });
    await tamper(["DELETE FROM Trace WHERE id = ?", first.id]);
    await appendTraces(db.prisma, [trace(anne, 7)]);
    await sealAllChains(db.prisma, key);
    const report = await verifyAllTraceChains(db.prisma, publicKey());
    expect(report.failures.map((f) => [f.patientId, f.seal?.problem])).toEqual([[anne, "truncated"]]);
  });

  it("detects with the seal a chain rewritten with consistent hashes", async () => {
    await sealAllChains(db.prisma, key);
    const paulTraces = await db.prisma.trace.findMany({ where: { patientId: paul }, orderBy: { id: "asc" } });
    await rewriteConsistently(paulTraces[2]!.id, "Dr Effacé");
    const report = await verifyAllTraceChains(db.prisma, publicKey());
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ patientId: paul, brokenLink: null, seal: { problem: "rewritten" } });
  });

  it("refuses a seal that the platform key did not sign", async () => {
    await sealAllChains(db.prisma, key);
    const other = sealKey(path.join(keyFolder, "other-key"));
    const report = await verifyAllTraceChains(db.prisma, { key: other.publicKey, keyId: key.keyId });
    expect(report.failures.map((f) => f.seal?.problem)).toEqual(["bad-signature", "bad-signature", "bad-signature"]);
  });

  it("creates the sealing key once and reads the same one back", () => {
    const file = path.join(keyFolder, ".trace-seal-key");
    expect(existingSealKey(file)?.keyId).toBe(key.keyId);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(existingSealKey(path.join(keyFolder, "absent"))).toBeNull();
  });
});
