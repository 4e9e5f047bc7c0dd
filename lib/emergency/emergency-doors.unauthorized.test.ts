import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "@/lib/access/actor";
import { openRecord } from "@/lib/record-door/open-record";
import { openEmergencyAccess } from "./open-emergency-access";
import { getEmergencySummary } from "./get-emergency-summary";

let db: TTestDatabase;
let patientId: string;
let secretary: TProfessionalActor;

const JUSTIFICATION = "Patient inconscient admis aux urgences après un accident de la route.";

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const hospital = await p.structure.create({ data: { finess: "750100125", name: "Hôpital Test", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const staff = await p.professional.create({
    data: { idNat: "3750100125/SEC0099", kind: "STAFF", firstName: "Sandra", lastName: "Secrétaire", profession: null, structureId: hospital.id },
  });
  secretary = { kind: "PROFESSIONAL", professionalId: staff.id, name: "Sandra Secrétaire", profession: null, specialty: null, isSamuRegulator: false, structureName: "Hôpital Test" };
  const patient = await p.patient.create({
    data: { nir: "180017505600138", birthDate: "1980-01-01", firstName: "Paul", lastName: "Martin", sex: "M", department: "75" },
  });
  patientId = patient.id;
  await p.allergy.create({ data: { patientId, substance: "Pénicilline" } });
});

afterAll(async () => {
  await db?.cleanup();
});

describe("unauthorized access: emergency doors are for health professionals only", () => {
  it("a medical secretary's establishment card cannot break the glass: refused, traced for the patient, no emergency access opened", async () => {
    const out = await openEmergencyAccess(db.prisma, secretary, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    expect(out).toMatchObject({ status: "REFUSED", rule: "EMERGENCY_HEALTH_PROFESSIONALS_ONLY" });
    expect(await db.prisma.emergencyAccess.count({ where: { professionalId: secretary.professionalId } })).toBe(0);
    const trace = await db.prisma.trace.findFirst({ where: { patientId, action: "BREAK_GLASS_ACCESS", actorId: secretary.professionalId } });
    expect(trace).toMatchObject({ outcome: "REFUSED" });
    expect(await db.prisma.notification.count({ where: { patientId, kind: "EMERGENCY_ACCESS" } })).toBe(0);
    await expect(openRecord(db.prisma, secretary, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a medical secretary gets the same refusal whether the patient exists or not", async () => {
    const known = await openEmergencyAccess(db.prisma, secretary, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    const unknown = await openEmergencyAccess(db.prisma, secretary, "dossier-inconnu", { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    expect(unknown).toEqual(known);
  });

  it("a medical secretary cannot use the SAMU regulation door either", async () => {
    const out = await openEmergencyAccess(db.prisma, { ...secretary, isSamuRegulator: true }, patientId, { mode: "SAMU" });
    expect(out).toMatchObject({ status: "REFUSED", rule: "EMERGENCY_HEALTH_PROFESSIONALS_ONLY" });
    expect(await db.prisma.emergencyAccess.count({ where: { professionalId: secretary.professionalId } })).toBe(0);
  });

  it("an emergency access recorded for a secretary (e.g. before this rule) opens neither the record nor the emergency summary", async () => {
    const now = new Date();
    await db.prisma.emergencyAccess.create({
      data: { patientId, professionalId: secretary.professionalId, mode: "BREAK_GLASS", justification: JUSTIFICATION, startedAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
    });
    await expect(openRecord(db.prisma, secretary, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getEmergencySummary(db.prisma, secretary, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
