/**
 * The hospital simulator's "Valider" (the lib function behind its server action) on a
 * real database: the signed-in card holder submits; a health professional signs in their
 * own name, a medical secretary chooses an author among the structure's health
 * professionals allowed to author the letter's type. Whatever the form sends, the server
 * decides, and a refused letter writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { letterAuthorChoices, submitHospitalLetter, type THospitalLetterInput } from "./submit-hospital-letter";

let db: TTestDatabase;
const ids = {} as Record<"hospital" | "clinic" | "doctor" | "colleague" | "midwife" | "pharmacist" | "secretary" | "clinicDoctor" | "patient" | "structurePatient", string>;
const nir = buildNir({ sex: "F", birthDate: "1970-05-20", place: "75056", order: 44 });

beforeAll(async () => {
  db = await createTestDatabase({ name: "hospital-letter-authorship" });
  const p = db.prisma;
  ids.hospital = (await p.structure.create({ data: { finess: "750000019", name: "Hôpital test", kind: "HOSPITAL", city: "Paris", department: "75" } })).id;
  ids.clinic = (await p.structure.create({ data: { finess: "920000014", name: "Clinique test", kind: "HOSPITAL", city: "Nanterre", department: "92" } })).id;
  const pro = async (idNat: string, lastName: string, profession: string | null, structureId: string, kind: "HEALTH_PROFESSIONAL" | "STAFF" = "HEALTH_PROFESSIONAL") =>
    (await p.professional.create({ data: { idNat, title: profession === "10" ? "Dr" : null, firstName: "Test", lastName, profession, kind, structureId } })).id;
  ids.doctor = await pro("810000000011", "Médecin", "10", ids.hospital);
  ids.colleague = await pro("810000000060", "Collègue", "10", ids.hospital);
  ids.midwife = await pro("810000000094", "Sage-femme", "50", ids.hospital);
  ids.pharmacist = await pro("810000000102", "Pharmacien", "21", ids.hospital);
  ids.secretary = await pro("3750000019/SEC1", "Secrétaire", null, ids.hospital, "STAFF");
  ids.clinicDoctor = await pro("810000000086", "Clinicien", "10", ids.clinic);
  ids.patient = (await p.patient.create({ data: { nir, birthDate: "1970-05-20", birthRank: 1, firstName: "Lucie", lastName: "Martin", sex: "F", department: "75" } })).id;
  ids.structurePatient = (
    await p.structurePatient.create({ data: { structureId: ids.hospital, localId: "IPP1", firstName: "Lucie", lastName: "Martin", sex: "F", birthRank: 1, nir, birthDate: "1970-05-20" } })
  ).id;
});

afterAll(async () => {
  await db?.cleanup();
});

function letter(overrides: Partial<THospitalLetterInput> = {}): THospitalLetterInput {
  return {
    structurePatientId: ids.structurePatient,
    templateId: "crh",
    title: `Compte rendu d'hospitalisation ${Math.random()}`,
    body: "Hospitalisation pour douleur thoracique. Évolution favorable.",
    authorId: ids.doctor,
    serviceDate: "2026-01-15",
    masking: "NONE",
    sendToDmp: true,
    ...overrides,
  };
}

/** Documents and submission rows: a refused letter must leave both unchanged. */
async function written(): Promise<{ documents: number; submissions: number; traces: number }> {
  return { documents: await db.prisma.document.count(), submissions: await db.prisma.feedSubmission.count(), traces: await db.prisma.trace.count() };
}

describe("unauthorized access: who signs a letter in the hospital simulator", () => {
  const refusals: [string, () => [string, Partial<THospitalLetterInput>], RegExp][] = [
    ["a doctor cannot sign a letter with a colleague's name", () => [ids.doctor, { authorId: ids.colleague }], /en votre nom/],
    ["a secretary cannot choose a doctor of another structure", () => [ids.secretary, { authorId: ids.clinicDoctor }], /professionnel de santé de l'établissement/],
    ["a secretary cannot choose herself as author", () => [ids.secretary, { authorId: ids.secretary }], /ne peut pas être l'auteur/],
    ["a secretary cannot choose a midwife for a hospital report", () => [ids.secretary, { authorId: ids.midwife }], /ne peut pas être l'auteur/],
    ["a secretary cannot choose a pharmacist for a prescription", () => [ids.secretary, { authorId: ids.pharmacist, templateId: "ordonnance" }], /ne peut pas être l'auteur/],
  ];
  it.each(refusals)("%s: refused with a French message, nothing written", async (_label, make, message) => {
    const [userId, overrides] = make();
    const before = await written();
    await expect(submitHospitalLetter(db.prisma, userId, letter(overrides))).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: expect.stringMatching(message) });
    expect(await written()).toEqual(before);
  });

  it("a secretary submits for a doctor of the structure: the trace names her as submitter, the doctor as author", async () => {
    const result = await submitHospitalLetter(db.prisma, ids.secretary, letter());
    if (!result.sent || !result.documentId) throw new Error(`non envoyé : ${JSON.stringify(result)}`);
    expect(result.outcome).toBe("FED_OK");
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: result.documentId } });
    expect(doc.authorId).toBe(ids.doctor);
    const trace = await db.prisma.trace.findFirstOrThrow({ where: { documentId: doc.id, action: "FEED_DOCUMENT" } });
    expect(trace).toMatchObject({ actorKind: "PROFESSIONAL", actorId: ids.secretary, actorName: "Test Secrétaire", actorStructure: "Hôpital test" });
    expect(trace.detail).toMatch(/auteur : Dr Test Médecin/);
  });

  it("a midwife signs her own consultation report", async () => {
    expect(await submitHospitalLetter(db.prisma, ids.midwife, letter({ authorId: ids.midwife, templateId: "consultation" }))).toMatchObject({ sent: true, outcome: "FED_OK" });
  });

  it("offers a health professional only themselves as author, a secretary the structure's professionals who may author a letter", async () => {
    expect((await letterAuthorChoices(db.prisma, ids.doctor)).map((a) => a.id)).toEqual([ids.doctor]);
    expect((await letterAuthorChoices(db.prisma, ids.secretary)).map((a) => a.id).sort()).toEqual([ids.colleague, ids.doctor, ids.midwife].sort());
  });
});
