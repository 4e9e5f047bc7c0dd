import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { getFeedReport, monthsBetween, shareOf } from "./feed-report";
import { getNationalStats } from "./national-stats";
import { submitHospitalLetter, type THospitalLetterInput } from "./submit-hospital-letter";
import { parseCda } from "@/lib/cda/parse-cda";
import { LETTER_TEMPLATES } from "./letter-templates";

let db: TTestDatabase;
const ids = {} as Record<"hospital" | "practice" | "doctor" | "secretary" | "gp" | "patient" | "withNir" | "withoutNir" | "mismatch", string>;
const nir = buildNir({ sex: "F", birthDate: "1970-05-20", place: "75056", order: 44 });

beforeAll(async () => {
  db = await createTestDatabase({ name: "feed" });
  const p = db.prisma;
  ids.hospital = (await p.structure.create({ data: { finess: "750000019", name: "Hôpital test", kind: "HOSPITAL", city: "Paris", department: "75" } })).id;
  ids.practice = (await p.structure.create({ data: { finess: "930000017", name: "Cabinet test", kind: "PRACTICE", city: "Bobigny", department: "93" } })).id;
  ids.doctor = (await p.professional.create({ data: { idNat: "810000000011", firstName: "Marc", lastName: "Médecin", title: "Dr", profession: "10", specialty: "SM04", structureId: ids.hospital } })).id;
  ids.secretary = (await p.professional.create({ data: { idNat: "3750000019/SEC1", firstName: "Sandrine", lastName: "Secrétaire", kind: "STAFF", structureId: ids.hospital } })).id;
  ids.gp = (await p.professional.create({ data: { idNat: "810000000029", firstName: "Claire", lastName: "Généraliste", profession: "10", specialty: "SM54", structureId: ids.practice } })).id;
  ids.patient = (await p.patient.create({ data: { nir, birthDate: "1970-05-20", birthRank: 1, firstName: "Lucie", lastName: "Martin", sex: "F", department: "75" } })).id;
  await p.patient.create({ data: { nir: buildNir({ sex: "M", birthDate: "1960-01-01", place: "93008", order: 2 }), birthDate: "1960-01-01", firstName: "Paul", lastName: "Fermé", sex: "M", department: "93", recordStatus: "CLOSED" } });
  const sp = (localId: string, data: { nir: string | null; birthDate: string; identityStatus?: "QUALIFIED" | "PROVISIONAL" }) =>
    p.structurePatient.create({ data: { structureId: ids.hospital, localId, firstName: "Lucie", lastName: "Martin", sex: "F", birthRank: 1, ...data } });
  ids.withNir = (await sp("IPP1", { nir, birthDate: "1970-05-20" })).id;
  ids.withoutNir = (await sp("IPP2", { nir: null, birthDate: "1994-08-17", identityStatus: "PROVISIONAL" })).id;
  ids.mismatch = (await sp("IPP3", { nir, birthDate: "1970-05-21" })).id;
});

afterAll(async () => {
  await db?.cleanup();
});

function letter(overrides: Partial<THospitalLetterInput> = {}): THospitalLetterInput {
  return {
    structurePatientId: ids.withNir,
    templateId: "crh",
    title: "Compte rendu d'hospitalisation en cardiologie",
    body: "Hospitalisation pour douleur thoracique. Évolution favorable.",
    authorId: ids.doctor,
    serviceDate: "2026-01-15",
    masking: "NONE",
    sendToDmp: true,
    ...overrides,
  };
}

describe("hospital simulator submission (same ingestion as the API)", () => {
  it("feeds the record with a PDF letter, the secretary being the submitter and the doctor the author", async () => {
    const result = await submitHospitalLetter(db.prisma, ids.secretary, letter());
    expect(result).toMatchObject({ sent: true, outcome: "FED_OK" });
    if (!result.sent) throw new Error("non envoyé");
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: result.documentId as string }, include: { content: true } });
    expect(doc).toMatchObject({ patientId: ids.patient, authorId: ids.doctor, structureId: ids.hospital, source: "HOSPITAL_FEED", typeCode: "34112-3", mediaType: "application/pdf" });
    expect(Buffer.from(doc.content?.data ?? []).subarray(0, 5).toString()).toBe("%PDF-");
    const row = await db.prisma.feedSubmission.findFirstOrThrow({ where: { documentId: doc.id } });
    expect(row).toMatchObject({ outcome: "FED_OK", professionalId: ids.secretary, structureId: ids.hospital });
  });

  it("sends the letter as a CDA R2 (structuration minimale) when that format is chosen: the PDF travels in nonXMLBody", async () => {
    const result = await submitHospitalLetter(db.prisma, ids.doctor, letter({ format: "CDA" }));
    expect(result).toMatchObject({ sent: true, outcome: "FED_OK" });
    if (!result.sent) throw new Error("non envoyé");
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: result.documentId as string }, include: { content: true, patient: true } });
    expect(doc).toMatchObject({ typeCode: "34112-3", mediaType: "text/xml" });
    const parsed = parseCda(doc.content?.data ?? new Uint8Array());
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.document).toMatchObject({ typeCode: "34112-3", patient: { nir: doc.patient.nir }, body: { kind: "pdf" } });
    expect(parsed.document.body.kind === "pdf" && Buffer.from(parsed.document.body.pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("applies the masking chosen at validation", async () => {
    const result = await submitHospitalLetter(db.prisma, ids.doctor, letter({ templateId: "urgences", masking: "INVISIBLE_PATIENT" }));
    if (!result.sent || !result.documentId) throw new Error("non envoyé");
    expect(await db.prisma.document.findUniqueOrThrow({ where: { id: result.documentId } })).toMatchObject({ typeCode: "15507-7", hiddenFromPatient: true });
  });

  it("does not send for a patient without NIR, nor when « Envoi DMP » is unticked", async () => {
    const before = await db.prisma.feedSubmission.count();
    expect(await submitHospitalLetter(db.prisma, ids.doctor, letter({ structurePatientId: ids.withoutNir }))).toMatchObject({ sent: false });
    expect(await submitHospitalLetter(db.prisma, ids.doctor, letter({ sendToDmp: false }))).toMatchObject({ sent: false });
    expect(await db.prisma.feedSubmission.count()).toBe(before);
  });

  it("shows certification KO when the hospital's identity differs from the record's", async () => {
    expect(await submitHospitalLetter(db.prisma, ids.doctor, letter({ structurePatientId: ids.mismatch }))).toMatchObject({ sent: true, outcome: "CERTIFICATION_KO" });
  });

  it("refuses a user outside a hospital and an author outside the structure", async () => {
    await expect(submitHospitalLetter(db.prisma, ids.gp, letter())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submitHospitalLetter(db.prisma, ids.doctor, letter({ authorId: ids.secretary }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("every template uses a known, authorable type", () => {
    expect(LETTER_TEMPLATES.map((t) => t.typeCode).sort()).toEqual(["11488-4", "11490-0", "15507-7", "34112-3", "34874-8", "57833-6", "74207-2"]);
  });
});

describe("feed report", () => {
  it("counts each outcome per month over the chosen period", async () => {
    const at = (day: string) => new Date(`${day}T10:00:00.000Z`);
    const base = { structureId: ids.practice, documentUniqueId: "x", nir, birthDate: "1970-05-20", birthRank: 1 };
    await db.prisma.feedSubmission.createMany({
      data: [
        { ...base, outcome: "FED_OK", submittedAt: at("2025-01-05") },
        { ...base, outcome: "FED_OK", submittedAt: at("2025-01-31") },
        { ...base, outcome: "CERTIFICATION_KO", submittedAt: at("2025-01-10") },
        { ...base, outcome: "RECORD_NOT_FOUND", submittedAt: at("2025-03-01") },
        { ...base, outcome: "RECORD_CLOSED", submittedAt: at("2025-03-02") },
        { ...base, outcome: "REJECTED", submittedAt: at("2025-03-03") },
        { ...base, outcome: "FED_OK", submittedAt: at("2024-12-31") },
        { ...base, outcome: "FED_OK", submittedAt: at("2025-04-01") },
      ],
    });
    const report = await getFeedReport(db.prisma, ids.practice, { from: "2025-01", to: "2025-03" });
    expect(report.months.map((m) => m.month)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(report.months[0]).toMatchObject({ sent: 3, fedOk: 2, certificationKo: 1, recordFound: 2, recordNotFound: 0 });
    expect(report.months[1]).toMatchObject({ sent: 0 });
    expect(report.months[2]).toMatchObject({ sent: 3, recordNotFound: 1, recordClosed: 1, rejected: 1, recordFound: 1, fedOk: 0 });
    expect(report.total).toMatchObject({ sent: 6, fedOk: 2 });
    // Two files fed the same record in January: one distinct record next to two files.
    expect(report.months[0]?.recordsFed).toBe(1);
    expect(report.total.recordsFed).toBe(1);
  });

  it("adds the sites of a group together, and counts each distinct record once", async () => {
    const other = (await db.prisma.structure.create({ data: { finess: "940000011", name: "Site 2", kind: "HOSPITAL", city: "Créteil", department: "94", groupName: "GHU test" } })).id;
    const at = new Date("2025-06-10T10:00:00.000Z");
    const row = (structureId: string, n: string, outcome: "FED_OK" | "CERTIFICATION_KO") => ({ structureId, documentUniqueId: `g-${Math.random()}`, nir: n, birthDate: "1970-05-20", birthRank: 1, outcome, submittedAt: at });
    await db.prisma.feedSubmission.createMany({ data: [row(ids.hospital, nir, "FED_OK"), row(other, nir, "FED_OK"), row(other, "299999999999999", "FED_OK"), row(other, nir, "CERTIFICATION_KO")] });
    const group = await getFeedReport(db.prisma, [ids.hospital, other], { from: "2025-06", to: "2025-06" });
    expect(group.total).toMatchObject({ sent: 4, fedOk: 3, certificationKo: 1, recordsFed: 2 });
    expect(shareOf(group.total.fedOk, group.total.sent)).toBe(75);
    expect(shareOf(0, 0)).toBe(0);
    expect((await getFeedReport(db.prisma, other, { from: "2025-06", to: "2025-06" })).total.sent).toBe(3);
  });

  it("builds month lists across years and caps them at 36 months", () => {
    expect(monthsBetween("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthsBetween("2000-01", "2025-12")).toHaveLength(36);
  });
});

describe("national statistics", () => {
  it("starts from the 2020 figures and adds live counts per département", async () => {
    const stats = await getNationalStats(db.prisma);
    expect(stats.national).toMatchObject({ records: 9_382_027, population: 67_795_000, liveOpen: 1, liveClosed: 1 });
    expect(stats.departments.find((d) => d.code === "75")).toMatchObject({ baselineRecords: 251_481, population: 2_190_327, baselineRate: 11.48, liveOpen: 1 });
    // The deck's figures for every Île-de-France département (93: 111 451 for 1 606 660, 7 %).
    expect(stats.departments.find((d) => d.code === "93")).toMatchObject({ baselineRecords: 111_451, population: 1_606_660, baselineRate: 6.94, liveOpen: 0, liveClosed: 1 });
    expect(stats.departments.find((d) => d.code === "94")).toMatchObject({ baselineRecords: 273_423, baselineRate: 19.84 });
    expect(stats.areas.map((a) => [a.label, a.records, a.rate])).toEqual([
      ["Total Île-de-France", 1_428_961, 11.79],
      ["Hors Île-de-France", 7_953_066, 14.28],
    ]);
  });
});
