/**
 * A patient's login id is prenom.nom, or prenom.nom2, 3… when taken. It was found with a
 * prefix search (LIKE 'prenom.nom%', which SQLite runs case-insensitively, so by reading every
 * account): now by the candidates themselves, through the unique index (issue 14, growth).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { recordQueryPlans, type TQueryPlanRecorder } from "@/lib/testing/query-plans";
import { freeLoginId } from "./create-record-by-professional";

let db: TTestDatabase;
let recorder: TQueryPlanRecorder;
beforeAll(async () => {
  db = await createTestDatabase({ name: "free-login-id" });
  recorder = recordQueryPlans(db);
});
afterAll(async () => {
  await recorder?.disconnect();
  await db?.cleanup();
});

const account = (loginId: string) => db.prisma.account.create({ data: { loginId, passwordHash: "x", firstName: "Léa", lastName: "Martin" } });

describe("freeLoginId", () => {
  it("gives prenom.nom, then the first free number, past a full batch of taken ones, ignoring longer names", async () => {
    expect(await freeLoginId(db.prisma, "Léa", "Martin")).toBe("lea.martin");
    await account("lea.martin");
    await account("lea.martinez");
    expect(await freeLoginId(db.prisma, "Léa", "Martin")).toBe("lea.martin2");
    for (let n = 2; n <= 23; n++) if (n !== 22) await account(`lea.martin${n}`);
    expect(await freeLoginId(db.prisma, "Léa", "Martin")).toBe("lea.martin22");
    await account("lea.martin22");
    expect(await freeLoginId(db.prisma, "LÉA", "martin")).toBe("lea.martin24");
  });

  it("looks the candidates up through the login id's unique index", async () => {
    const plans = await recorder.plansOf(() => freeLoginId(recorder.prisma, "Jean", "Dupont"));
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).toMatch(db.engine === "sqlite" ? /SEARCH (main\.)?Account USING (COVERING )?INDEX \S+ \(loginId=\?\)/ : /Index Cond: \("loginId" = /);
  });
});
