import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors/app-error";
import { openRecord } from "@/lib/record-door/open-record";
import { recordConsent } from "./record-consent";
import { findCareTeamPresumption, recordCareTeamAccess } from "./care-team-presumption";
import { blockProfessional, setTreatingDoctor } from "./care-team";
import { blockProfessionalForPatient } from "./block-professional-for-patient";

let db: TTestDatabase;
let n = 0;
let hospitalId: string;
let practiceId: string;

async function professional(structureId: string | null, lastName: string): Promise<TProfessionalActor> {
  n += 1;
  const p = await db.prisma.professional.create({
    data: { idNat: `81000007${String(n).padStart(4, "0")}`, firstName: "Test", lastName, profession: "10", specialty: "SM54", structureId },
  });
  return { kind: "PROFESSIONAL", professionalId: p.id, name: `Test ${lastName}`, profession: "10", specialty: "SM54", isSamuRegulator: false };
}

async function patient(): Promise<TPatientActor> {
  n += 1;
  const nir = `1800175056${String(n).padStart(3, "0")}00`;
  const p = await db.prisma.patient.create({ data: { nir, birthDate: "1980-01-01", firstName: "Paul", lastName: "Essai", sex: "M", department: "75" } });
  const account = await db.prisma.account.create({ data: { loginId: `p${nir}`, passwordHash: "x", firstName: "Paul", lastName: "Essai", patientId: p.id } });
  return { kind: "PATIENT", accountId: account.id, patientId: p.id, name: "Paul Essai" };
}

const today = new Date().toISOString().slice(0, 10);
const isNotFound = (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND";

beforeAll(async () => {
  db = await createTestDatabase({ name: "care-team-unauthorized" });
  hospitalId = (await db.prisma.structure.create({ data: { finess: "750000031", name: "Hôpital Test", kind: "HOSPITAL", city: "Paris", department: "75" } })).id;
  practiceId = (await db.prisma.structure.create({ data: { finess: "750000032", name: "Cabinet Test", kind: "PRACTICE", city: "Paris", department: "75" } })).id;
});

afterAll(async () => {
  await db?.cleanup();
});

describe("unauthorized access: the care-team presumption never flows from a blocked professional nor a withdrawn agreement", () => {
  it("no presumption flows from a colleague the patient blocked", async () => {
    const paul = await patient();
    const consenting = await professional(hospitalId, "Accord");
    const colleague = await professional(hospitalId, "Collegue");
    await recordConsent(db.prisma, consenting, paul.patientId, { hasConsent: true, consentDate: today });
    await blockProfessional(db.prisma, paul, consenting.professionalId);

    expect(await findCareTeamPresumption(db.prisma, colleague.professionalId, paul.patientId)).toBeNull();
    await expect(recordCareTeamAccess(db.prisma, colleague, paul.patientId)).rejects.toSatisfy(isNotFound);
    await expect(openRecord(db.prisma, colleague, paul.patientId)).rejects.toSatisfy(isNotFound);
  });

  it("a presumed access ends when the patient blocks the colleague it came from", async () => {
    const paul = await patient();
    const consenting = await professional(hospitalId, "Source");
    const colleague = await professional(hospitalId, "Presume");
    await recordConsent(db.prisma, consenting, paul.patientId, { hasConsent: true, consentDate: today });
    await recordCareTeamAccess(db.prisma, colleague, paul.patientId);
    expect((await openRecord(db.prisma, colleague, paul.patientId)).decision).toMatchObject({ rule: "CARE_TEAM" });

    await blockProfessional(db.prisma, paul, consenting.professionalId);
    await expect(openRecord(db.prisma, colleague, paul.patientId)).rejects.toSatisfy(isNotFound);
    expect(await db.prisma.professionalAuthorization.count({ where: { patientId: paul.patientId, professionalId: colleague.professionalId } })).toBe(0);
  });

  it("a presumed access ends when the treating doctor blocks its source at the patient's request", async () => {
    const paul = await patient();
    const treating = await professional(practiceId, "Traitant");
    await db.prisma.patient.update({ where: { id: paul.patientId }, data: { treatingDoctorId: treating.professionalId } });
    const consenting = await professional(hospitalId, "Source2");
    const colleague = await professional(hospitalId, "Presume2");
    await recordConsent(db.prisma, consenting, paul.patientId, { hasConsent: true, consentDate: today });
    await recordCareTeamAccess(db.prisma, colleague, paul.patientId);

    await blockProfessionalForPatient(db.prisma, treating, paul.patientId, consenting.professionalId);
    await expect(openRecord(db.prisma, colleague, paul.patientId)).rejects.toSatisfy(isNotFound);
  });

  it("a presumed access ends when the treating doctor it came from is no longer the patient's choice", async () => {
    const paul = await patient();
    const former = await professional(practiceId, "Ancien");
    const nurse = await professional(practiceId, "Infirmier");
    await setTreatingDoctor(db.prisma, paul, { professionalId: former.professionalId });
    await recordCareTeamAccess(db.prisma, nurse, paul.patientId);
    expect((await openRecord(db.prisma, nurse, paul.patientId)).decision).toMatchObject({ rule: "CARE_TEAM" });

    const next = await professional(hospitalId, "Nouveau");
    await setTreatingDoctor(db.prisma, paul, { professionalId: next.professionalId });
    expect(await findCareTeamPresumption(db.prisma, nurse.professionalId, paul.patientId)).toBeNull();
    await expect(openRecord(db.prisma, nurse, paul.patientId)).rejects.toSatisfy(isNotFound);
  });

  it("a presumed access stays while another agreement of the same structure still stands", async () => {
    const paul = await patient();
    const first = await professional(hospitalId, "Premier");
    const second = await professional(hospitalId, "Second");
    const colleague = await professional(hospitalId, "Equipe");
    await recordConsent(db.prisma, first, paul.patientId, { hasConsent: true, consentDate: today });
    await recordConsent(db.prisma, second, paul.patientId, { hasConsent: true, consentDate: today });
    await recordCareTeamAccess(db.prisma, colleague, paul.patientId);

    await blockProfessional(db.prisma, paul, first.professionalId);
    expect((await openRecord(db.prisma, colleague, paul.patientId)).decision).toMatchObject({ rule: "CARE_TEAM" });
    expect(await findCareTeamPresumption(db.prisma, colleague.professionalId, paul.patientId)).toMatchObject({ colleagueName: "Test Second" });
  });
});
