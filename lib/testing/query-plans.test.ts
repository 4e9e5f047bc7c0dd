import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/raw-sql";
import { createTestDatabase, type TTestDatabase } from "./test-database";
import { recordQueryPlans, type TQueryPlanRecorder, wholeTableRead } from "./query-plans";

let db: TTestDatabase;
let recorder: TQueryPlanRecorder;
beforeAll(async () => {
  db = await createTestDatabase({ name: "query-plans" });
  recorder = recordQueryPlans(db);
});
afterAll(async () => {
  await recorder?.disconnect();
  await db?.cleanup();
});

describe("recordQueryPlans", () => {
  it("plans the statements sent through Prisma and those the hot paths send directly (else a test of a raw read would check nothing)", async () => {
    const plans = await recorder.plansOf(async () => {
      await recorder.prisma.patient.findFirst({ where: { nir: "1700575056044" }, select: { id: true } });
      await queryRows(recorder.prisma, Prisma.sql`SELECT id FROM Trace WHERE patientId = ${"cpt-absent"} ORDER BY id DESC LIMIT 1`);
    });
    expect(plans).toHaveLength(2);
    expect(plans[0]).toMatch(/Patient/);
    expect(plans[1]).toMatch(db.engine === "sqlite" ? /SEARCH (main\.)?Trace USING (COVERING )?INDEX \S+ \(patientId=\?\)/ : /Index Cond: \("patientId" = /);
  });
});

describe("wholeTableRead", () => {
  it("names a read of the whole table on each engine, and no other table's", () => {
    expect("SCAN main.Trace USING COVERING INDEX Trace_patientId_at_idx").toMatch(wholeTableRead({ engine: "sqlite" }, "Trace"));
    expect("SCAN main.TraceSeal").not.toMatch(wholeTableRead({ engine: "sqlite" }, "Trace"));
    expect("SEARCH main.Trace USING INDEX Trace_patientId_id_idx (patientId=?)").not.toMatch(wholeTableRead({ engine: "sqlite" }, "Trace"));
    expect('Seq Scan on "Account"  (cost=10000000000.00..10000000001.01 rows=1 width=32)').toMatch(wholeTableRead({ engine: "postgresql" }, "Patient", "Account"));
    expect('Index Scan using "Account_email_idx" on "Account"').not.toMatch(wholeTableRead({ engine: "postgresql" }, "Account"));
  });
});
