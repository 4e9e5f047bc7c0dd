/**
 * A sandbox professional's RPPS is drawn until no professional has it (as RPPS or in its
 * IdNat): an OR of two columns, which reads the whole table unless both are indexed
 * (issue 14, growth: each factory call would scan every professional).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { recordQueryPlans, type TQueryPlanRecorder, wholeTableRead } from "@/lib/testing/query-plans";
import { freeSandboxRpps } from "./unique";

let db: TTestDatabase;
let recorder: TQueryPlanRecorder;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-unique" });
  recorder = recordQueryPlans(db);
});
afterAll(async () => {
  await recorder?.disconnect();
  await db?.cleanup();
});

describe("freeSandboxRpps", () => {
  it("checks the number by the RPPS and IdNat indexes", async () => {
    let rpps = "";
    const plans = await recorder.plansOf(async () => {
      rpps = await freeSandboxRpps(recorder.prisma);
    });
    expect(rpps).toMatch(/^19\d{9}$/);
    const professionalPlans = plans.filter((p) => p.includes("Professional"));
    expect(professionalPlans.length).toBeGreaterThan(0);
    for (const plan of professionalPlans) expect(plan).not.toMatch(wholeTableRead(db, "Professional"));
  });
});
