import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parseSandboxInput } from "@/lib/sandbox/parse-input";
import { platformNowMs } from "./clock";
import { clockInputSchema } from "./clock-input";
import { advanceClock, clockState, loadClockOffsets, resetClock } from "./clock-store";
import { runInNamespace } from "./namespace-scope";
import { clearClockCache } from "./offsets";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.prisma.sandboxClock.deleteMany();
  await clearClockCache();
  delete process.env.DEV_TOOLS;
});
afterAll(async () => {
  await db?.cleanup();
});

const HOUR = 3600_000;
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(2000);

describe("the sandbox clock", () => {
  it("100 parallel advances of one minute add up to 100 minutes", async () => {
    await Promise.all(Array.from({ length: 100 }, () => advanceClock(db.prisma, null, 60_000)));
    expect((await db.prisma.sandboxClock.findUniqueOrThrow({ where: { key: "*" } })).offsetMs).toBe(100 * 60_000);
    near(platformNowMs(), Date.now() + 100 * 60_000);
  });

  it("reads real time until advanced, then real time plus the offset", async () => {
    near(platformNowMs(), Date.now());
    const state = await advanceClock(db.prisma, null, 2 * HOUR);
    near(platformNowMs(), Date.now() + 2 * HOUR);
    expect(state.offsetSeconds).toBe(7200);
    near(Date.parse(state.now), Date.now() + 2 * HOUR);
  });

  it("keeps a namespace's time apart: advancing it leaves the sandbox's and other namespaces' clocks alone", async () => {
    await advanceClock(db.prisma, null, HOUR);
    await advanceClock(db.prisma, "ns-a", 3 * HOUR); // from the sandbox's hour: 4 h
    near(runInNamespace("ns-a", platformNowMs), Date.now() + 4 * HOUR);
    near(runInNamespace("ns-b", platformNowMs), Date.now() + HOUR);
    near(platformNowMs(), Date.now() + HOUR);
    await resetClock(db.prisma, "ns-a");
    near(runInNamespace("ns-a", platformNowMs), Date.now() + HOUR);
  });

  it("survives a restart: the offsets are in the database, and the cache reloads them", async () => {
    await advanceClock(db.prisma, null, 5 * HOUR);
    await clearClockCache();
    near(platformNowMs(), Date.now());
    await loadClockOffsets(db.prisma);
    near(platformNowMs(), Date.now() + 5 * HOUR);
    expect(await db.prisma.sandboxClock.findUnique({ where: { key: "*" } })).toMatchObject({ offsetMs: 5 * HOUR });
  });

  it("goes back to real time only when asked to (remettreAZero)", async () => {
    await advanceClock(db.prisma, null, HOUR);
    await advanceClock(db.prisma, null, -10 * HOUR); // never backwards
    near(platformNowMs(), Date.now() + HOUR);
    const state = await resetClock(db.prisma, null);
    expect(state.offsetSeconds).toBe(0);
    expect(await db.prisma.sandboxClock.count()).toBe(0);
  });

  it("is always real time in the realistic mode, whatever the offset", async () => {
    await advanceClock(db.prisma, null, 10 * HOUR);
    process.env.DEV_TOOLS = "0";
    near(platformNowMs(), Date.now());
    expect(clockState(null).offsetSeconds).toBe(36_000); // stored, not applied
  });
});

describe("POST /api/sandbox/horloge input", () => {
  it("takes a duration or remettreAZero", () => {
    expect(parseSandboxInput(clockInputSchema, { avancer: { heures: 2, minutes: 1 } })).toEqual({ ok: true, data: { kind: "ADVANCE", byMs: 2 * HOUR + 60_000 } });
    expect(parseSandboxInput(clockInputSchema, { avancer: { annees: 10, jours: 1 } })).toMatchObject({ ok: true, data: { byMs: (3650 + 1) * 24 * HOUR } });
    expect(parseSandboxInput(clockInputSchema, { remettreAZero: true })).toEqual({ ok: true, data: { kind: "RESET" } });
  });

  it("refuses anything else with French messages", () => {
    const cases = [{}, { avancer: { heures: -1 } }, { avancer: {} }, { avancer: { heures: 1 }, remettreAZero: true }, { avancer: { semaines: 1 } }, { remettreAZero: false }];
    for (const body of cases) {
      const parsed = parseSandboxInput(clockInputSchema, body);
      expect(parsed.ok, JSON.stringify(body)).toBe(false);
      if (!parsed.ok) for (const issue of parsed.issues) expect(issue.message).toMatch(/[a-zé]/);
    }
    const empty = parseSandboxInput(clockInputSchema, {});
    expect(empty.ok ? [] : empty.issues.map((i) => i.message)).toContain("Indiquez soit « avancer » (une durée), soit « remettreAZero »: true.");
    const negative = parseSandboxInput(clockInputSchema, { avancer: { heures: -1 } });
    expect(negative.ok ? "" : negative.issues[0]!.message).toMatch(/0|supérieur/);
  });
});
