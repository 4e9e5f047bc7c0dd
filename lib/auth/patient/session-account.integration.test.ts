/** The session lookup every signed-in request makes (one raw statement since issue 14). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { platformNow, platformNowMs } from "@/lib/clock/clock";
import { loadPatientAccountSession } from "./session-account";

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "session-account" });
});

afterAll(async () => {
  await db?.cleanup();
});

async function child(firstName: string, birthDate: string, order: number) {
  const p = await db.prisma.patient.create({
    data: { nir: buildNir({ sex: "F", birthDate, place: "75056", order }), birthDate, birthRank: 1, firstName, lastName: "Session", sex: "F", department: "75" },
  });
  return p.id;
}

describe("loadPatientAccountSession", () => {
  it("reads the account and its represented minors in the order they were added; an adult child leaves the switcher", async () => {
    const year = platformNow().getUTCFullYear();
    const younger = await child("Zoé", `${year - 6}-03-01`, 11);
    const older = await child("Anna", `${year - 12}-03-01`, 12);
    const adult = await child("Maud", `${year - 25}-03-01`, 13);
    const account = await db.prisma.account.create({ data: { loginId: "session.parent", passwordHash: "x", firstName: "Hélène", lastName: "Session", mustChangePassword: true } });
    for (const [patientId, at] of [[younger, "2026-01-01"], [older, "2026-01-02"], [adult, "2026-01-03"]] as const) {
      await db.prisma.legalRepresentation.create({ data: { accountId: account.id, patientId, relationship: "Mère", createdAt: new Date(`${at}T00:00:00Z`) } });
    }
    const session = await loadPatientAccountSession(db.prisma, { sub: account.id, portal: "patient", name: "Hélène Session", actingFor: null, sv: 0, authAt: platformNowMs() });
    expect(session).toMatchObject({ accountId: account.id, name: "Hélène Session", mustChangePassword: true, ownPatientId: null });
    expect(session?.minors.map((m) => [m.name, m.relationship])).toEqual([
      ["Zoé Session", "Mère"],
      ["Anna Session", "Mère"],
    ]);
    expect(session?.cameOfAge?.map((m) => m.name)).toEqual(["Maud Session"]);
  });

  it("an account without representation has no minors; a revoked token has no session", async () => {
    const account = await db.prisma.account.create({ data: { loginId: "session.alone", passwordHash: "x", firstName: "Paul", lastName: "Seul", sessionVersion: 2 } });
    const token = { sub: account.id, portal: "patient" as const, name: "Paul Seul", actingFor: null, sv: 2, authAt: platformNowMs() };
    expect(await loadPatientAccountSession(db.prisma, token)).toMatchObject({ minors: [], mustChangePassword: false });
    expect(await loadPatientAccountSession(db.prisma, { ...token, sv: 1 })).toBeNull();
    expect(await loadPatientAccountSession(db.prisma, { ...token, sub: "inconnu" })).toBeNull();
  });
});
