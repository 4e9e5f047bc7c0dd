import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "@/lib/access/actor";
import { getEmergencySummary } from "./get-emergency-summary";
import { openEmergencyAccess } from "./open-emergency-access";

let db: TTestDatabase;
let patientId: string;
let otherPatientId: string;
let regulator: TProfessionalActor;
let doctor: TProfessionalActor;
let nurse: TProfessionalActor;
let authorId: string;

const JUSTIFICATION = "Patient inconscient admis aux urgences après un accident de la route.";
const DAY = 86_400_000;

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const samu = await p.structure.create({ data: { finess: "750000002", name: "SAMU 75", kind: "SAMU", city: "Paris", department: "75" } });
  const reg = await p.professional.create({
    data: { idNat: "810000000201", firstName: "Rémi", lastName: "Régulateur", profession: "10", specialty: "SM59", isSamuRegulator: true, structureId: samu.id },
  });
  const doc = await p.professional.create({ data: { idNat: "810000000202", firstName: "Ursula", lastName: "Urgentiste", profession: "10", specialty: "SM59" } });
  const nur = await p.professional.create({ data: { idNat: "810000000203", firstName: "Ines", lastName: "Infirmière", profession: "60" } });
  const author = await p.professional.create({ data: { idNat: "810000000204", firstName: "Gaston", lastName: "Généraliste", profession: "10", specialty: "SM54" } });
  authorId = author.id;
  regulator = { kind: "PROFESSIONAL", professionalId: reg.id, name: "Dr Rémi Régulateur", profession: "10", specialty: "SM59", isSamuRegulator: true, structureName: "SAMU 75" };
  doctor = { kind: "PROFESSIONAL", professionalId: doc.id, name: "Dr Ursula Urgentiste", profession: "10", specialty: "SM59", isSamuRegulator: false };
  nurse = { kind: "PROFESSIONAL", professionalId: nur.id, name: "Ines Infirmière", profession: "60", specialty: null, isSamuRegulator: false };

  // Matrix: physicians read syntheses and DLUs; nurses read DLUs but not syntheses (test input).
  for (const [profession, typeCode, canRead] of [
    ["10", "60591-5", true],
    ["10", "74207-2", true],
    ["10", "11488-4", true],
    ["60", "60591-5", false],
    ["60", "74207-2", true],
    ["10", "EXPPAT_3", true],
    // The health profile row: physicians yes, nurses no (test input).
    ["10", "PROFIL_MEDICAL", true],
    ["60", "PROFIL_MEDICAL", false],
  ] as const) {
    await p.habilitationRule.create({ data: { profession, specialty: "*", typeCode, canRead } });
  }

  const identity = { birthDate: "1950-02-01", birthRank: 1, sex: "F" as const, department: "75" };
  patientId = (await p.patient.create({ data: { ...identity, nir: "250027505600112", firstName: "Lucie", lastName: "Urgence" } })).id;
  otherPatientId = (await p.patient.create({ data: { ...identity, nir: "250027505600209", firstName: "Autre", lastName: "Patiente" } })).id;

  await p.allergy.create({ data: { patientId, substance: "Pénicilline", reaction: "Œdème de Quincke", severity: "sévère" } });
  await p.allergy.create({ data: { patientId: otherPatientId, substance: "Arachide" } });
  await p.treatment.create({ data: { patientId, medication: "Apixaban 5 mg", dosage: "1 cp matin et soir", startDate: "2024-01-10" } });
  await p.treatment.create({ data: { patientId, medication: "Amoxicilline", dosage: "1 g x 3", startDate: "2020-01-01", endDate: "2020-01-08" } });
  await p.emergencyContact.create({ data: { patientId, name: "Paul Urgence", relationship: "Fils", phone: "06 12 34 56 78" } });
  const patientAuthor = { authorKind: "PATIENT" as const, authorName: "Lucie Urgence", writtenAt: new Date("2026-01-05T10:00:00Z") };
  await p.vaccination.create({ data: { patientId, vaccine: "Grippe saisonnière", date: "2025-10-15", dose: "annuelle", ...patientAuthor } });
  await p.vaccination.create({ data: { patientId: otherPatientId, vaccine: "Fièvre jaune", date: "2025-01-01", ...patientAuthor } });
  await p.emergencyWishes.create({
    data: {
      patientId,
      directivesLocation: "Chez mon notaire, Me Durand à Paris",
      trustedPersonName: "Claire Urgence",
      trustedPersonRelationship: "Fille",
      trustedPersonPhone: "06 98 76 54 32",
      organDonation: "ACCEPTS",
      ...patientAuthor,
    },
  });

  const now = Date.now();
  let n = 0;
  const doc_ = (typeCode: string, title: string, daysAgo: number, extra: Record<string, unknown> = {}) => {
    n += 1;
    return p.document.create({
      data: {
        uniqueId: `1.2.250.test.${n}`,
        patientId,
        typeCode,
        classCode: "11",
        title,
        authorId,
        serviceDate: new Date(now - daysAgo * DAY),
        source: "PROFESSIONAL",
        mediaType: "text/plain",
        size: 1,
        sha256: "0",
        ...extra,
      },
    });
  };
  await doc_("60591-5", "Synthèse ancienne", 400);
  await doc_("60591-5", "Synthèse récente", 30);
  await doc_("60591-5", "Synthèse masquée aux PS", 1, { hiddenFromPros: true });
  await doc_("60591-5", "Synthèse remplacée", 2, { status: "REPLACED" });
  await doc_("74207-2", "DLU EHPAD", 10);
  await doc_("74207-2", "DLU retiré par opposition", 5, { opposedAt: new Date() });
  await doc_("EXPPAT_3", "Directives anticipées", 60, { classCode: "90", source: "PATIENT", authorId: null });
});

beforeEach(async () => {
  await db.prisma.emergencyAccess.deleteMany();
  await db.prisma.patient.update({ where: { id: patientId }, data: { samuAllowed: true, breakGlassAllowed: true } });
});

afterAll(async () => {
  await db?.cleanup();
});

describe("getEmergencySummary", () => {
  it("gives a regulator in SAMU mode the allergies, current treatments, contacts, latest readable synthesis and DLU", async () => {
    const opened = await openEmergencyAccess(db.prisma, regulator, patientId, { mode: "SAMU" });
    expect(opened.status).toBe("OPENED");
    const summary = await getEmergencySummary(db.prisma, regulator, patientId);
    expect(summary).not.toBeNull();
    expect(summary?.mode).toBe("SAMU");
    expect(summary?.expiresAt?.getTime()).toBe(opened.status === "OPENED" ? opened.expiresAt.getTime() : NaN);
    expect(summary?.allergies.map((a) => a.substance)).toEqual(["Pénicilline"]);
    expect(summary?.treatments.map((t) => t.medication)).toEqual(["Apixaban 5 mg"]);
    expect(summary?.emergencyContacts).toMatchObject([{ name: "Paul Urgence", relationship: "Fils", phone: "06 12 34 56 78" }]);
    // Masked from professionals, replaced and opposed documents are not "the latest".
    expect(summary?.latestSynthesis?.title).toBe("Synthèse récente");
    expect(summary?.latestDlu?.title).toBe("DLU EHPAD");
    // The health profile's emergency part, next to allergies and treatments (issue 17).
    expect(summary?.isProfileAllowed).toBe(true);
    expect(summary?.vaccinations).toMatchObject([{ vaccine: "Grippe saisonnière", date: "2025-10-15", dose: "annuelle" }]);
    expect(summary?.wishes).toEqual({
      directivesLocation: "Chez mon notaire, Me Durand à Paris",
      trustedPersonName: "Claire Urgence",
      trustedPersonRelationship: "Fille",
      trustedPersonPhone: "06 98 76 54 32",
      organDonation: "ACCEPTS",
    });
    expect(summary?.latestDirectives?.title).toBe("Directives anticipées");
  });

  it("shows nothing of the health profile to a profession the matrix refuses it (HEALTH_PROFILE)", async () => {
    await openEmergencyAccess(db.prisma, nurse, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    const summary = await getEmergencySummary(db.prisma, nurse, patientId);
    expect(summary).toMatchObject({ isProfileAllowed: false, allergies: [], treatments: [], vaccinations: [], wishes: null });
    expect(summary?.emergencyContacts).toHaveLength(1);
  });

  it("keeps the break-the-glass justification and applies the habilitation matrix to the documents", async () => {
    await openEmergencyAccess(db.prisma, nurse, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    const summary = await getEmergencySummary(db.prisma, nurse, patientId);
    expect(summary).toMatchObject({ mode: "BREAK_GLASS", justification: JUSTIFICATION });
    expect(summary?.latestSynthesis).toBeNull();
    expect(summary?.latestDlu?.title).toBe("DLU EHPAD");
  });

  it("writes no trace of its own (the record view traces the consultation)", async () => {
    await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    const before = await db.prisma.trace.count();
    await getEmergencySummary(db.prisma, doctor, patientId);
    expect(await db.prisma.trace.count()).toBe(before);
  });

  it("returns null for an access that is not an emergency one", async () => {
    await db.prisma.professionalAuthorization.create({ data: { patientId, professionalId: authorId, consentAt: new Date(), recordedById: authorId } });
    const author: TProfessionalActor = { kind: "PROFESSIONAL", professionalId: authorId, name: "Dr Gaston Généraliste", profession: "10", specialty: "SM54", isSamuRegulator: false };
    await expect(getEmergencySummary(db.prisma, author, patientId)).resolves.toBeNull();
  });

  it("is NOT_FOUND without an access, after expiry, and when the patient opposed the mode since", async () => {
    await expect(getEmergencySummary(db.prisma, doctor, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const start = new Date();
    await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION }, { now: start });
    await expect(getEmergencySummary(db.prisma, doctor, patientId, { now: new Date(start.getTime() + 3 * 3_600_000) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await openEmergencyAccess(db.prisma, regulator, patientId, { mode: "SAMU" });
    await db.prisma.patient.update({ where: { id: patientId }, data: { samuAllowed: false } });
    await expect(getEmergencySummary(db.prisma, regulator, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another patient's record is never reached through this one's access.
    await expect(getEmergencySummary(db.prisma, doctor, otherPatientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("expireEmergencyAccess / findOpenEmergencyAccesses", () => {
  it("lists the open accesses and makes one expire now", async () => {
    const { findOpenEmergencyAccesses } = await import("./find-open-emergency-accesses");
    const { expireEmergencyAccess } = await import("./expire-emergency-access");
    await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    const open = await findOpenEmergencyAccesses(db.prisma);
    expect(open).toMatchObject([{ professionalName: "Ursula Urgentiste", patientName: "Lucie Urgence", mode: "BREAK_GLASS" }]);
    const id = open[0]?.id ?? "";
    expect(await expireEmergencyAccess(db.prisma, id)).toBe(true);
    expect(await expireEmergencyAccess(db.prisma, id)).toBe(false);
    expect(await findOpenEmergencyAccesses(db.prisma)).toEqual([]);
    await expect(getEmergencySummary(db.prisma, doctor, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
