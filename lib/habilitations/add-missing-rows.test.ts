import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { DEFAULT_HABILITATION_MATRIX } from "./default-matrix";
import { addMissingMatrixRows } from "./add-missing-rows";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "matrix-missing-rows" });
});
afterAll(async () => db.cleanup());

const now = new Date("2026-12-05T00:00:00Z");

describe("addMissingMatrixRows: a database prepared before a new matrix row", () => {
  it("leaves an empty matrix to the seed", async () => {
    expect(await addMissingMatrixRows(db.prisma, now)).toEqual({ typeCodes: [], rows: 0 });
    expect(await db.prisma.habilitationRule.count()).toBe(0);
  });

  it("adds the family that has no row (PROFIL_MEDICAL) with its defaults, and keeps the operator's edits", async () => {
    const older = DEFAULT_HABILITATION_MATRIX.filter((r) => r.typeCode !== "PROFIL_MEDICAL");
    await db.prisma.habilitationRule.createMany({ data: older.map((r) => ({ ...r, updatedAt: now })) });
    // The operator refused the reimbursement data to general practitioners.
    await db.prisma.habilitationRule.updateMany({ where: { profession: "10", specialty: "*", typeCode: "REMB" }, data: { canRead: false } });

    const added = await addMissingMatrixRows(db.prisma, now);
    expect(added.typeCodes).toEqual(["PROFIL_MEDICAL"]);
    expect(added.rows).toBe(DEFAULT_HABILITATION_MATRIX.length - older.length);
    expect(await db.prisma.habilitationRule.findFirst({ where: { profession: "10", specialty: "*", typeCode: "PROFIL_MEDICAL" } })).toMatchObject({ canRead: true });
    expect(await db.prisma.habilitationRule.findFirst({ where: { profession: "10", specialty: "*", typeCode: "REMB" } })).toMatchObject({ canRead: false });
    // Run again: nothing more.
    expect(await addMissingMatrixRows(db.prisma, now)).toEqual({ typeCodes: [], rows: 0 });
    expect(await db.prisma.habilitationRule.count()).toBe(DEFAULT_HABILITATION_MATRIX.length);
  });
});
