import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildNir } from "@/lib/identity/nir";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

// The NIRs "drawn": the first is taken by a parallel call between its check and its insert.
const draws: string[] = [];
vi.mock("./unique", () => ({ freeSandboxNir: vi.fn(async () => draws.shift()) }));

const { createSandboxBeneficiary } = await import("./create-beneficiary");

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-beneficiary" });
});
afterAll(async () => db?.cleanup());

describe("createSandboxBeneficiary", () => {
  const person = { firstName: "Camille", lastName: "Essai", sex: "F" as const, birthDate: "1990-05-14", department: "75" };
  const taken = buildNir({ sex: "F", birthDate: "1990-05-14", place: "99100", order: 1 });
  const free = buildNir({ sex: "F", birthDate: "1990-05-14", place: "99100", order: 2 });

  it("draws again when a parallel call took the NIR between the check and the insert", async () => {
    await db.prisma.beneficiary.create({ data: { ...person, nir: taken, birthRank: 1, vitaleSerial: "V-parallel" } });
    draws.push(taken, free);
    const created = await createSandboxBeneficiary(db.prisma, person);
    expect(created.nir).toBe(free);
    expect(await db.prisma.beneficiary.count({ where: { nir: { in: [taken, free] } } })).toBe(2);
  });
});
