import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { parseSandboxInput } from "./parse-input";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxStructure, structureInputSchema } from "./create-structure";
import { admissionInputSchema, admitSandboxPatient } from "./admit-patient";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-admissions" });
});
afterAll(async () => db.cleanup());

const structure = () => createSandboxStructure(db.prisma, parsed(parseSandboxInput(structureInputSchema, {})));
const patient = () => createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
const admit = (input: unknown) => admitSandboxPatient(db.prisma, parsed(parseSandboxInput(admissionInputSchema, input)));

describe("sandbox admissions (the hospital simulator's patient list)", () => {
  it("a registry person gets a qualified file linked to their record; a hospital-only identity a provisional one without NIR", async () => {
    const hospital = await structure();
    const p = await patient();
    const qualified = await admit({ structureId: hospital.structureId, beneficiaryId: p.beneficiaryId });
    expect(qualified).toMatchObject({ identityStatus: "QUALIFIED", patientId: p.patientId, localId: expect.stringMatching(/^IPP\d{8}$/) });
    const provisional = await admit({ structureId: hospital.structureId, identity: { firstName: "Karim", lastName: "Essai", sex: "M", birthDate: "1994-08-17" } });
    expect(provisional).toMatchObject({ identityStatus: "PROVISIONAL", patientId: null });
    const rows = await db.prisma.structurePatient.findMany({ where: { structureId: hospital.structureId }, orderBy: { localId: "asc" } });
    expect(rows.map((r) => [r.nir, r.identityStatus]).sort()).toEqual([[null, "PROVISIONAL"], [p.nir, "QUALIFIED"]].sort());
  });

  it("refuses in French, writing nothing: both or neither person, an unknown structure, a person of another namespace", async () => {
    const hospital = await structure();
    const both = parseSandboxInput(admissionInputSchema, { structureId: hospital.structureId, beneficiaryId: "x", identity: { firstName: "A", lastName: "B", sex: "F", birthDate: "2000-01-01" } });
    expect(both).toMatchObject({ ok: false, issues: [{ path: "beneficiaryId", message: expect.stringContaining("l'un des deux") }] });
    const p = await patient();
    await expect(admit({ structureId: "inconnue", beneficiaryId: p.beneficiaryId })).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: expect.stringContaining("Structure introuvable") });
    const namespace = await db.prisma.sandboxNamespace.create({ data: { tokenHash: "admissions-test", label: "autre", createdAt: new Date() } });
    await expect(runInNamespace(namespace.id, () => admit({ structureId: hospital.structureId, beneficiaryId: p.beneficiaryId }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.prisma.structurePatient.count({ where: { structureId: hospital.structureId } })).toBe(0);
  });
});
