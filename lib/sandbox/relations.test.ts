import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { parseSandboxInput } from "./parse-input";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { createSandboxRelation, relationInputSchema } from "./relations";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-relations" });
});
afterAll(async () => db.cleanup());

const relation = (input: unknown) => createSandboxRelation(db.prisma, parsed(parseSandboxInput(relationInputSchema, input)));
const patient = () => createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
const professional = (input: unknown = {}) => createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, input)));

describe("sandbox relations", () => {
  it("treating doctor, consent, block and emergency choices are written by the product's commands, with their traces", async () => {
    const p = await patient();
    const [doctor, consented, blocked] = await Promise.all([professional(), professional({ profession: "60", specialty: null }), professional()]);
    await relation({ relation: "medecin-traitant", patientId: p.patientId, professionalId: doctor.professionalId });
    await relation({ relation: "consentement", patientId: p.patientId, professionalId: consented.professionalId });
    await relation({ relation: "blocage", patientId: p.patientId, professionalId: blocked.professionalId });
    await relation({ relation: "urgences", patientId: p.patientId, breakGlassAllowed: false, samuAllowed: true });
    const row = await db.prisma.patient.findUniqueOrThrow({ where: { id: p.patientId } });
    expect(row).toMatchObject({ treatingDoctorId: doctor.professionalId, breakGlassAllowed: false, samuAllowed: true });
    expect(await db.prisma.professionalAuthorization.count({ where: { patientId: p.patientId, professionalId: consented.professionalId, method: "CONSENT" } })).toBe(1);
    expect(await db.prisma.patientBlock.count({ where: { patientId: p.patientId, professionalId: blocked.professionalId } })).toBe(1);
    const actions = (await db.prisma.trace.findMany({ where: { patientId: p.patientId }, select: { action: true } })).map((t) => t.action);
    expect(actions).toEqual(expect.arrayContaining(["TREATING_DOCTOR_SET", "AUTHORIZATION_GRANT", "PROFESSIONAL_BLOCK", "EMERGENCY_SETTINGS_CHANGE"]));
  });

  it("what the product refuses is refused in French, and nothing is written", async () => {
    const p = await patient();
    const nurse = await professional({ profession: "60", specialty: null });
    const traces = await db.prisma.trace.count();
    await expect(relation({ relation: "medecin-traitant", patientId: p.patientId, professionalId: nurse.professionalId })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      userMessage: "Aucun médecin ne correspond à ce numéro RPPS.",
    });
    await expect(relation({ relation: "blocage", patientId: "inconnu", professionalId: nurse.professionalId })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: p.patientId } })).treatingDoctorId).toBeNull();
    expect(await db.prisma.trace.count()).toBe(traces);
  });

  it("an unknown relation or a missing field gets the zod issues in French", () => {
    const unknown = parseSandboxInput(relationInputSchema, { relation: "mariage", patientId: "x" });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.issues).toEqual([{ path: "relation", message: "Valeur invalide : il faut l'une des valeurs « medecin-traitant », « blocage », « consentement », « urgences »." }]);
    const missing = parseSandboxInput(relationInputSchema, { relation: "urgences", patientId: "x", samuAllowed: true });
    expect(!missing.ok && missing.issues.map((i) => i.path)).toEqual(["breakGlassAllowed"]);
  });
});
