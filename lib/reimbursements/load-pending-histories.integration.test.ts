/**
 * The monthly job on the sandbox clock: each record is loaded on its namespace's clock when
 * that namespace has its own offset, on the sandbox's otherwise; a month passes for one
 * namespace without touching the others.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { platformNow } from "@/lib/clock/clock";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { replaceCachedOffsets, setCachedOffset } from "@/lib/clock/offsets";
import { isoDay } from "./generate-history";
import { isStatementDue, loadPendingReimbursementHistories } from "./load-pending-histories";

const DAY_MS = 86_400_000;
let db: TTestDatabase;
let inSandbox: string;
let inNamespace: string;
let nsId: string;

beforeAll(async () => {
  db = await createTestDatabase({ name: "reimbursement-job-clock" });
  const ns = await db.prisma.sandboxNamespace.create({ data: { label: "espace", tokenHash: "x", createdAt: platformNow() } });
  const person = (nir: string, namespaceId: string | null) =>
    db.prisma.patient.create({ data: { nir, birthDate: "1970-01-01", firstName: "A", lastName: "B", sex: "F", department: "75", namespaceId } });
  inSandbox = (await person("270017511102744", null)).id;
  inNamespace = (await person("270017511102755", ns.id)).id;
  replaceCachedOffsets([]);
  setCachedOffset(ns.id, 40 * DAY_MS);
  nsId = ns.id;
});

afterAll(async () => {
  replaceCachedOffsets([]);
  await db?.cleanup();
});

const loadedAt = async (id: string) => (await db.prisma.patient.findUniqueOrThrow({ where: { id }, select: { reimbursementsLoadedAt: true } })).reimbursementsLoadedAt;

describe("loadPendingReimbursementHistories on the sandbox clock", () => {
  it("loads each record on its own clock, once a month", async () => {
    expect(await loadPendingReimbursementHistories(db.prisma)).toBe(2);
    expect(isoDay((await loadedAt(inSandbox))!)).toBe(isoDay(platformNow()));
    expect(isoDay((await loadedAt(inNamespace))!)).toBe(isoDay(runInNamespace(nsId, platformNow)));
    expect(await loadPendingReimbursementHistories(db.prisma)).toBe(0);

    // A month passes for the namespace only: its record alone gets its new month.
    setCachedOffset(nsId, 80 * DAY_MS);
    expect(isStatementDue(await loadedAt(inNamespace), runInNamespace(nsId, platformNow))).toBe(true);
    expect(await loadPendingReimbursementHistories(db.prisma)).toBe(1);
    expect(isoDay((await loadedAt(inNamespace))!)).toBe(isoDay(runInNamespace(nsId, platformNow)));
    expect(isStatementDue(await loadedAt(inSandbox), runInNamespace(null, platformNow))).toBe(false);
  });

  it("loads a record never loaded before a stale one, on either engine", async () => {
    replaceCachedOffsets([]);
    const now = platformNow();
    const stale = new Date(now.getTime() - 62 * DAY_MS);
    await db.prisma.patient.updateMany({ data: { reimbursementsLoadedAt: now } });
    const person = (nir: string, reimbursementsLoadedAt: Date | null) =>
      db.prisma.patient.create({ data: { nir, birthDate: "1970-01-01", firstName: "C", lastName: "D", sex: "F", department: "75", reimbursementsLoadedAt } });
    const old = await person("270017511102766", stale);
    const never = await person("270017511102777", null);
    expect(await loadPendingReimbursementHistories(db.prisma, { limit: 1 })).toBe(1);
    expect(await loadedAt(never.id)).not.toBeNull();
    expect((await loadedAt(old.id))?.getTime()).toBe(stale.getTime());
    expect(await loadPendingReimbursementHistories(db.prisma, { limit: 1 })).toBe(1);
    expect(isoDay((await loadedAt(old.id))!)).toBe(isoDay(now));
  });
});
