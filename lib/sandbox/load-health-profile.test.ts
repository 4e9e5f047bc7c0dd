import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { platformNow } from "@/lib/clock/clock";
import { parseSandboxInput } from "./parse-input";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { healthProfileInputSchema, loadSandboxHealthProfile } from "./load-health-profile";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-health-profile" });
});
afterAll(async () => db.cleanup());

const load = (input: unknown) => loadSandboxHealthProfile(db.prisma, parsed(parseSandboxInput(healthProfileInputSchema, input)));

describe("sandbox health profile", () => {
  it("writes the entries as the holder would: each one by the patient side, traced", async () => {
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const result = await load({
      patientId: p.patientId,
      allergies: [{ substance: "Pénicilline", severity: "sévère" }],
      vaccinations: [{ vaccine: "Grippe saisonnière", date: "2025-10-15", atcCode: "J07BB02" }],
      mesures: [{ kind: "WEIGHT", value: "72,5", measuredOn: "2025-11-01" }],
      urgence: { trustedPersonName: "Paul Martin", trustedPersonPhone: "06 12 34 56 78", organDonation: "ACCEPTS" },
    });
    expect(result).toEqual({ patientId: p.patientId, entries: 4 });
    expect(await db.prisma.allergy.findMany({ where: { patientId: p.patientId }, select: { substance: true, authorKind: true } })).toEqual([{ substance: "Pénicilline", authorKind: "PATIENT" }]);
    expect(await db.prisma.trace.count({ where: { patientId: p.patientId, action: "HEALTH_PROFILE_UPDATE" } })).toBe(4);
  });

  it("refuses bad entries in French with the profile's own messages, and writes nothing", async () => {
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const bad = parseSandboxInput(healthProfileInputSchema, { patientId: p.patientId, mesures: [{ kind: "WEIGHT", value: "900", measuredOn: "2025-11-01" }] });
    expect(bad).toMatchObject({ ok: false });
    expect(JSON.stringify(bad)).toContain("Poids : la valeur doit être comprise entre 0,5 et 400 kg.");
    expect(parseSandboxInput(healthProfileInputSchema, { patientId: p.patientId, inconnu: 1 })).toMatchObject({ ok: false });
    expect(await db.prisma.trace.count({ where: { patientId: p.patientId, action: "HEALTH_PROFILE_UPDATE" } })).toBe(0);
  });

  it("answers a record of another namespace as unknown", async () => {
    const ns = await db.prisma.sandboxNamespace.create({ data: { tokenHash: "hp", createdAt: platformNow() } });
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    await expect(runInNamespace(ns.id, () => load({ patientId: p.patientId, allergies: [{ substance: "Latex" }] }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.prisma.allergy.count({ where: { patientId: p.patientId } })).toBe(0);
  });
});
