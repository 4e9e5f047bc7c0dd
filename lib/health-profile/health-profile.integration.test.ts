import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import { commentOnEntry, deletePatientSideEntry, saveEmergencyWishes, savePatientSideEntry, saveProfessionalEntry } from "./profile-commands";
import { getHealthProfileForPatientSide, getHealthProfileForProfessional } from "./get-health-profile";
import { ZMeasurementInput, ZVaccinationInput } from "./inputs";
import JSZip from "jszip";
import { buildRecordCopy } from "@/lib/records/build-record-copy";

let db: TTestDatabase;
let patient: TPatientActor;
let doctor: TProfessionalActor;
let physio: TProfessionalActor;

const parse = <T>(schema: { parse: (v: unknown) => T }, v: unknown) => schema.parse(v);

beforeAll(async () => {
  db = await createTestDatabase({ name: "health-profile" });
  const p = db.prisma;
  const record = await p.patient.create({ data: { nir: "280017505600195", birthDate: "1980-01-01", firstName: "Alice", lastName: "Profil", sex: "F", department: "75" } });
  const account = await p.account.create({ data: { loginId: "alice.profil", passwordHash: "x", firstName: "Alice", lastName: "Profil", patientId: record.id } });
  patient = { kind: "PATIENT", accountId: account.id, patientId: record.id, name: "Alice Profil" };
  const doc = await p.professional.create({ data: { idNat: "810000000301", firstName: "Paul", lastName: "Médecin", profession: "10", specialty: "SM54" } });
  const kine = await p.professional.create({ data: { idNat: "810000000302", firstName: "Kim", lastName: "Kiné", profession: "70" } });
  doctor = { kind: "PROFESSIONAL", professionalId: doc.id, name: "Dr Paul Médecin", profession: "10", specialty: "SM54", isSamuRegulator: false };
  physio = { kind: "PROFESSIONAL", professionalId: kine.id, name: "Kim Kiné", profession: "70", specialty: null, isSamuRegulator: false };
  for (const pro of [doc, kine]) {
    await p.professionalAuthorization.create({ data: { patientId: record.id, professionalId: pro.id, consentAt: new Date(), recordedById: pro.id } });
  }
  await p.habilitationRule.create({ data: { profession: "10", specialty: "*", typeCode: "PROFIL_MEDICAL", canRead: true } });
  await p.habilitationRule.create({ data: { profession: "70", specialty: "*", typeCode: "PROFIL_MEDICAL", canRead: false } });
});

afterAll(async () => {
  await db?.cleanup();
});

const traces = (action: string) => db.prisma.trace.findMany({ where: { patientId: patient.patientId, action }, orderBy: { at: "asc" } });

describe("health profile", () => {
  it("the patient enters a measurement and an allergy, sees who wrote them, edits and removes their own", async () => {
    const weight = parse(ZMeasurementInput, { kind: "WEIGHT", value: "72,5", measuredOn: "2026-01-10" });
    const { id } = await savePatientSideEntry(db.prisma, patient, "MEASUREMENT", weight);
    await savePatientSideEntry(db.prisma, patient, "MEASUREMENT", { ...weight, id, value: 71 });
    const allergy = await savePatientSideEntry(db.prisma, patient, "ALLERGY", { substance: "Pollen de bouleau", reaction: "Rhinite" });
    const profile = await getHealthProfileForPatientSide(db.prisma, patient);
    expect(profile.measurements).toMatchObject([{ kind: "WEIGHT", value: 71, unit: "kg", author: { side: "PATIENT_SIDE", name: "Alice Profil" }, rights: { mayEdit: true } }]);
    expect(profile.allergies).toMatchObject([{ substance: "Pollen de bouleau", author: { side: "PATIENT_SIDE" }, rights: { mayEdit: true, mayComment: false } }]);
    await deletePatientSideEntry(db.prisma, patient, "ALLERGY", allergy.id);
    expect((await getHealthProfileForPatientSide(db.prisma, patient)).allergies).toEqual([]);
    expect((await traces("HEALTH_PROFILE_UPDATE")).map((t) => t.reason)).toEqual(["Mesure ajoutée", "Mesure modifiée", "Allergie ajoutée", "Allergie retirée"]);
  });

  it("a professional's entry cannot be changed by the patient, only commented on or contested, and the contest reaches professionals", async () => {
    const vaccination = parse(ZVaccinationInput, { vaccine: "DTP", date: "2025-03-01", dose: "rappel", lot: "AB123", administeredBy: "Dr Paul Médecin", atcCode: "j07ca01" });
    expect(vaccination.atcCode).toBe("J07CA01");
    const { id } = await saveProfessionalEntry(db.prisma, doctor, patient.patientId, "VACCINATION", vaccination);
    await expect(savePatientSideEntry(db.prisma, patient, "VACCINATION", { ...vaccination, id, lot: "ZZ999" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deletePatientSideEntry(db.prisma, patient, "VACCINATION", id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.prisma.vaccination.findUniqueOrThrow({ where: { id } })).lot).toBe("AB123");
    await commentOnEntry(db.prisma, patient, { entryKind: "VACCINATION", entryId: id, isContest: true, text: "Ce rappel a été fait en 2024, pas en 2025." });
    const seen = await getHealthProfileForProfessional(db.prisma, doctor, patient.patientId);
    if (!seen.isAllowed) throw new Error("the doctor reads the profile");
    expect(seen.profile.vaccinations).toMatchObject([
      { vaccine: "DTP", author: { side: "PROFESSIONAL", name: "Dr Paul Médecin" }, comments: [{ isContest: true, text: "Ce rappel a été fait en 2024, pas en 2025.", authorName: "Alice Profil" }], rights: { mayEdit: true } },
    ]);
    // The doctor may not change the patient's measurements.
    expect(seen.profile.measurements[0]?.rights.mayEdit).toBe(false);
    expect(seen.profile.mayAdd).toMatchObject({ vaccinations: true, measurements: false, emergencyWishes: false });
  });

  it("traces a professional's read, allowed or refused by the matrix row, and a refused write changes nothing", async () => {
    const before = await db.prisma.vaccination.count();
    expect(await getHealthProfileForProfessional(db.prisma, physio, patient.patientId)).toEqual({ isAllowed: false, habilitation: "matrice 70/* × PROFIL_MEDICAL : refusé" });
    const views = await traces("HEALTH_PROFILE_VIEW");
    expect(views.map((t) => [t.actorId, t.outcome])).toEqual([
      [doctor.professionalId, "ALLOWED"],
      [physio.professionalId, "REFUSED"],
    ]);
    await expect(
      saveProfessionalEntry(db.prisma, physio, patient.patientId, "VACCINATION", parse(ZVaccinationInput, { vaccine: "Grippe", date: "2025-10-01" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.vaccination.count()).toBe(before);
    const refused = await db.prisma.trace.findFirst({ where: { actorId: physio.professionalId, action: "HEALTH_PROFILE_UPDATE" } });
    expect(refused).toMatchObject({ outcome: "REFUSED" });
    expect(refused?.reason).toContain("PROFIL_MEDICAL");
  });

  it("an allergy written before the health profile is a professional's, named from recordedById", async () => {
    const old = await db.prisma.allergy.create({ data: { patientId: patient.patientId, substance: "Iode", recordedById: doctor.professionalId } });
    const profile = await getHealthProfileForPatientSide(db.prisma, patient);
    expect(profile.allergies.find((a) => a.id === old.id)).toMatchObject({ author: { side: "PROFESSIONAL", name: "Paul Médecin" }, rights: { mayEdit: false, mayComment: true } });
    await db.prisma.allergy.delete({ where: { id: old.id } });
  });

  it("the emergency wishes are the patient side's", async () => {
    await saveEmergencyWishes(db.prisma, patient, { directivesLocation: "Dans mon tiroir", trustedPersonName: "Jean Profil", trustedPersonPhone: "06 11 22 33 44", organDonation: "ACCEPTS" });
    const profile = await getHealthProfileForPatientSide(db.prisma, patient);
    expect(profile.emergencyWishes).toMatchObject({ directivesLocation: "Dans mon tiroir", trustedPersonName: "Jean Profil", organDonation: "ACCEPTS", author: { side: "PATIENT_SIDE" } });
  });
});

describe("the patient's copy of the record (ZIP)", () => {
  it("includes the health profile as data, with authors and contests", async () => {
    const copy = await buildRecordCopy(db.prisma, patient);
    const zip = await JSZip.loadAsync(copy.data);
    const json = JSON.parse((await zip.file("profil-medical.json")?.async("string")) ?? "null");
    expect(json.informationsUrgence).toMatchObject({ directivesAnticipees: "Dans mon tiroir", personneDeConfiance: { nom: "Jean Profil" } });
    expect(json.vaccinations).toMatchObject([{ vaccin: "DTP", lot: "AB123", auteur: "professionnel de santé", commentaires: [{ type: "contestation" }] }]);
    expect(json.mesures).toMatchObject([{ mesure: "Poids", valeur: 71, unite: "kg", auteur: "patient" }]);
    expect(await zip.file("LISEZMOI.txt")?.async("string")).toContain("profil-medical.json");
  });
});

describe("health profile inputs", () => {
  it("refuses a weight of 900 kg, a vaccination in the future and a malformed code, in French", () => {
    const weight = ZMeasurementInput.safeParse({ kind: "WEIGHT", value: "900", measuredOn: "2026-01-10" });
    expect(weight.success).toBe(false);
    expect(weight.error?.issues[0]?.message).toBe("Poids : la valeur doit être comprise entre 0,5 et 400 kg.");
    const future = ZVaccinationInput.safeParse({ vaccine: "DTP", date: "2999-01-01" });
    expect(future.error?.issues[0]?.message).toBe("La date de vaccination ne peut pas être dans le futur.");
    const code = ZVaccinationInput.safeParse({ vaccine: "DTP", date: "2020-01-01", atcCode: "J7-XX" });
    expect(code.error?.issues[0]?.message).toMatch(/^Code ATC de vaccin invalide/);
    const pressure = ZMeasurementInput.safeParse({ kind: "BLOOD_PRESSURE", value: "120", secondValue: "130", measuredOn: "2026-01-10" });
    expect(pressure.error?.issues[0]?.message).toBe("La tension diastolique doit être inférieure à la systolique.");
    expect(ZVaccinationInput.safeParse({ vaccine: "DTP", date: "2025-02-30" }).error?.issues[0]?.message).toBe("Cette date n'existe pas.");
  });
});
