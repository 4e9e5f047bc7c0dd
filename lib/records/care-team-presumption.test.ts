import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors/app-error";
import { openRecord } from "@/lib/record-door/open-record";
import { recordConsent } from "./record-consent";
import { findCareTeamPresumption, recordCareTeamAccess, setCareTeamPresumption } from "./care-team-presumption";

let db: TTestDatabase;
let n = 0;
let hospitalId: string;
let practiceId: string;

async function professional(structureId: string | null, lastName: string): Promise<TProfessionalActor> {
  n += 1;
  const p = await db.prisma.professional.create({
    data: { idNat: `81000000${String(n).padStart(4, "0")}`, firstName: "Test", lastName, profession: "10", specialty: "SM54", structureId },
  });
  return { kind: "PROFESSIONAL", professionalId: p.id, name: `Test ${lastName}`, profession: "10", specialty: "SM54", isSamuRegulator: false };
}

async function patient(nir: string): Promise<TPatientActor> {
  const p = await db.prisma.patient.create({ data: { nir, birthDate: "1980-01-01", firstName: "Paul", lastName: "Essai", sex: "M", department: "75" } });
  const account = await db.prisma.account.create({ data: { loginId: `p${nir}`, passwordHash: "x", firstName: "Paul", lastName: "Essai", patientId: p.id } });
  return { kind: "PATIENT", accountId: account.id, patientId: p.id, name: "Paul Essai" };
}

const today = new Date().toISOString().slice(0, 10);
const isNotFound = (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND";

beforeAll(async () => {
  db = await createTestDatabase({ name: "care-team" });
  hospitalId = (await db.prisma.structure.create({ data: { finess: "750000011", name: "Hôpital Test", kind: "HOSPITAL", city: "Paris", department: "75" } })).id;
  practiceId = (await db.prisma.structure.create({ data: { finess: "750000012", name: "Cabinet Test", kind: "PRACTICE", city: "Paris", department: "75" } })).id;
});

afterAll(async () => {
  await db.cleanup();
});

describe("care-team presumption", () => {
  it("extends a colleague's consent to the structure: access, trace naming the colleague, notification", async () => {
    const paul = await patient("180017505600104");
    const consenting = await professional(hospitalId, "Consent");
    const colleague = await professional(hospitalId, "Collegue");
    const elsewhere = await professional(practiceId, "Ailleurs");

    expect(await findCareTeamPresumption(db.prisma, colleague.professionalId, paul.patientId)).toBeNull();
    await expect(recordCareTeamAccess(db.prisma, colleague, paul.patientId)).rejects.toSatisfy(isNotFound);

    await recordConsent(db.prisma, consenting, paul.patientId, { hasConsent: true, consentDate: today });
    expect(await findCareTeamPresumption(db.prisma, colleague.professionalId, paul.patientId)).toEqual({ structureName: "Hôpital Test", colleagueName: "Test Consent" });
    // Another structure, and the consenting professional themself, are not concerned.
    expect(await findCareTeamPresumption(db.prisma, elsewhere.professionalId, paul.patientId)).toBeNull();
    expect(await findCareTeamPresumption(db.prisma, consenting.professionalId, paul.patientId)).toBeNull();

    await expect(recordCareTeamAccess(db.prisma, colleague, paul.patientId)).resolves.toEqual({ isNew: true });
    const { decision } = await openRecord(db.prisma, colleague, paul.patientId);
    expect(decision).toMatchObject({ allowed: true, rule: "CARE_TEAM" });
    const grant = await db.prisma.trace.findFirstOrThrow({ where: { patientId: paul.patientId, actorId: colleague.professionalId, action: "AUTHORIZATION_GRANT" } });
    expect(grant.reason).toBe("Équipe de soins de Hôpital Test : accord donné à Test Consent");
    const note = await db.prisma.notification.findFirstOrThrow({ where: { patientId: paul.patientId, kind: "FIRST_CONSULTATION", body: { contains: "équipe de soins" } } });
    expect(note.body).toContain("Test Collegue (Hôpital Test)");
    // Asking again changes nothing.
    await expect(recordCareTeamAccess(db.prisma, colleague, paul.patientId)).resolves.toEqual({ isNew: false });

    // A presumed access does not extend further: only the patient's own agreement counts.
    const third = await professional(hospitalId, "Troisieme");
    await db.prisma.professionalAuthorization.deleteMany({ where: { patientId: paul.patientId, professionalId: consenting.professionalId } });
    expect(await findCareTeamPresumption(db.prisma, third.professionalId, paul.patientId)).toBeNull();
  });

  it("the treating doctor's structure is presumed too", async () => {
    const anne = await patient("280017505600114");
    const doctor = await professional(practiceId, "Traitant");
    const nurse = await professional(practiceId, "Infirmier");
    await db.prisma.patient.update({ where: { id: anne.patientId }, data: { treatingDoctorId: doctor.professionalId } });
    expect(await findCareTeamPresumption(db.prisma, nurse.professionalId, anne.patientId)).toEqual({ structureName: "Cabinet Test", colleagueName: "Test Traitant" });
  });

  it("objecting removes presumed accesses at once (consents stay), is traced, and allows again later", async () => {
    const lea = await patient("280017505600115");
    const consenting = await professional(hospitalId, "Accord");
    const colleague = await professional(hospitalId, "Equipe");
    await recordConsent(db.prisma, consenting, lea.patientId, { hasConsent: true, consentDate: today });
    await recordCareTeamAccess(db.prisma, colleague, lea.patientId);

    await expect(setCareTeamPresumption(db.prisma, lea, false)).resolves.toEqual({ removed: 1 });
    await expect(openRecord(db.prisma, colleague, lea.patientId)).rejects.toSatisfy(isNotFound);
    expect((await openRecord(db.prisma, consenting, lea.patientId)).decision).toMatchObject({ rule: "CONSENT" });
    expect(await findCareTeamPresumption(db.prisma, colleague.professionalId, lea.patientId)).toBeNull();
    await expect(recordCareTeamAccess(db.prisma, colleague, lea.patientId)).rejects.toSatisfy(isNotFound);
    await expect(setCareTeamPresumption(db.prisma, lea, false)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "CONFLICT");

    await setCareTeamPresumption(db.prisma, lea, true);
    expect(await findCareTeamPresumption(db.prisma, colleague.professionalId, lea.patientId)).not.toBeNull();
    const changes = await db.prisma.trace.findMany({ where: { patientId: lea.patientId, action: "CARE_TEAM_SETTING_CHANGE" }, orderBy: { id: "asc" } });
    expect(changes.map((t) => t.detail)).toEqual(["Accès de l'équipe de soins : refusé (1 accès retiré)", "Accès de l'équipe de soins : autorisé"]);
  });

  it("a blocked colleague or a closed record is refused and the refusal traced", async () => {
    const marc = await patient("180017505600116");
    const consenting = await professional(hospitalId, "Oui");
    const blocked = await professional(hospitalId, "Bloque");
    await recordConsent(db.prisma, consenting, marc.patientId, { hasConsent: true, consentDate: today });
    await db.prisma.patientBlock.create({ data: { patientId: marc.patientId, professionalId: blocked.professionalId } });
    await expect(recordCareTeamAccess(db.prisma, blocked, marc.patientId)).rejects.toSatisfy(isNotFound);
    expect(await db.prisma.trace.count({ where: { patientId: marc.patientId, actorId: blocked.professionalId, action: "AUTHORIZATION_GRANT", outcome: "REFUSED" } })).toBe(1);
    expect(await db.prisma.professionalAuthorization.count({ where: { patientId: marc.patientId, professionalId: blocked.professionalId } })).toBe(0);

    const colleague = await professional(hospitalId, "Ferme");
    await db.prisma.patient.update({ where: { id: marc.patientId }, data: { recordStatus: "CLOSED" } });
    await expect(recordCareTeamAccess(db.prisma, colleague, marc.patientId)).rejects.toSatisfy(isNotFound);
    const refusal = await db.prisma.trace.findFirstOrThrow({ where: { patientId: marc.patientId, actorId: colleague.professionalId, action: "AUTHORIZATION_GRANT" } });
    expect(refusal).toMatchObject({ outcome: "REFUSED", reason: "Dossier fermé" });
  });
});
