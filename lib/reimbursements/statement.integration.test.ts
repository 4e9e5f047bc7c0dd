/**
 * The statement on a real database: the monthly load (first 24 months, new months, the
 * rolling window, the snapshot document), and what each viewer gets (REIMBURSEMENTS on the
 * snapshot document), with its trace.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { careProfileFor, generateReimbursementHistory, reimbursementSeedKey, statementStart } from "./generate-history";
import { loadPendingReimbursementHistories } from "./load-pending-histories";
import { findStatement } from "./find-statement";
import { STATEMENT_PAGE_SIZE } from "./statement-query";

let db: TTestDatabase;
let patientId: string;
let patient: TPatientActor;
const pros: Record<"doctor" | "nurse" | "treating", TProfessionalActor> = {} as never;
const DAY1 = new Date("2026-11-26T10:00:00Z");
const DAY2 = new Date("2027-01-05T09:00:00Z");
const IDENTITY = { nir: "160037511102711", birthDate: "1960-03-14", birthRank: 1 };

beforeAll(async () => {
  db = await createTestDatabase({ name: "reimbursement-statement" });
  const p = db.prisma;
  patientId = (await p.patient.create({ data: { ...IDENTITY, firstName: "Rémi", lastName: "Relevé", sex: "M", department: "75", reimbursementProfile: "DIABETES" } })).id;
  const account = await p.account.create({ data: { loginId: "remi", passwordHash: "x", firstName: "Rémi", lastName: "Relevé", patientId } });
  patient = { kind: "PATIENT", accountId: account.id, patientId, name: "Rémi Relevé" };
  await p.habilitationRule.createMany({
    data: [
      { profession: "10", specialty: "*", typeCode: "REMB", canRead: true },
      { profession: "60", specialty: "*", typeCode: "REMB", canRead: false },
    ],
  });
  let n = 0;
  for (const [key, profession] of [["doctor", "10"], ["nurse", "60"], ["treating", "10"]] as const) {
    n += 1;
    const pro = await p.professional.create({ data: { idNat: `81000000000${n}`, rpps: `1000000000${n}`, firstName: key, lastName: "Pro", kind: "HEALTH_PROFESSIONAL", profession, specialty: null } });
    await p.professionalAuthorization.create({ data: { patientId, professionalId: pro.id, method: "CONSENT", consentAt: DAY1, recordedById: pro.id } });
    pros[key] = { kind: "PROFESSIONAL", professionalId: pro.id, name: key, profession, specialty: null, isSamuRegulator: false, namespaceId: null };
  }
  await p.patient.update({ where: { id: patientId }, data: { treatingDoctorId: pros.treating.professionalId } });
});

afterAll(async () => db?.cleanup());

const statementDoc = () => db.prisma.document.findFirstOrThrow({ where: { patientId, typeCode: "REMB" }, include: { content: true } });
const text = (doc: Awaited<ReturnType<typeof statementDoc>>) => Buffer.from(doc.content!.data).toString("utf8");

describe("the monthly load", () => {
  it("loads the 24 months once, with the record's reimbursement document as a dated snapshot", async () => {
    expect(await loadPendingReimbursementHistories(db.prisma, { now: DAY1 })).toBe(1);
    const dates = (await db.prisma.reimbursementItem.findMany({ where: { patientId }, select: { date: true } })).map((r) => r.date);
    expect(dates.length).toBeGreaterThan(60);
    expect(dates.every((d) => d >= "2024-11-26" && d <= "2026-11-26")).toBe(true);
    const doc = await statementDoc();
    expect(doc).toMatchObject({ classCode: "60", title: "Données de remboursement du 26/11/2026", mediaType: "text/plain", serviceDate: DAY1, authorId: null });
    expect(text(doc)).toContain("Période : du 26 novembre 2024 au 26 novembre 2026");
    expect(text(doc)).toContain("à titre purement informatif");
    expect(text(doc)).toContain("ALD n° 8");
    expect(text(doc)).not.toContain("€");
  });

  it("a re-run the same month adds nothing", async () => {
    const before = await db.prisma.reimbursementItem.count({ where: { patientId } });
    expect(await loadPendingReimbursementHistories(db.prisma, { now: new Date("2026-11-30T10:00:00Z") })).toBe(0);
    expect(await db.prisma.reimbursementItem.count({ where: { patientId } })).toBe(before);
  });

  it("as the months pass: the new lines arrive, the old ones leave, the same document is rewritten (masking kept)", async () => {
    const { id } = await statementDoc();
    await db.prisma.document.update({ where: { id }, data: { hiddenFromPros: true } });
    expect(await loadPendingReimbursementHistories(db.prisma, { now: DAY2 })).toBe(1);
    const lines = await db.prisma.reimbursementItem.findMany({ where: { patientId }, orderBy: [{ date: "asc" }, { id: "asc" }] });
    expect(lines.every((l) => l.date >= statementStart("2027-01-05"))).toBe(true);
    expect(lines.some((l) => l.date > "2026-11-26")).toBe(true);
    // Exactly what one load on the later day would hold: nothing twice, nothing missing.
    const seedKey = reimbursementSeedKey(IDENTITY);
    const oneShot = generateReimbursementHistory({ seedKey, profile: careProfileFor(seedKey, "DIABETES"), birthDate: IDENTITY.birthDate, after: null, through: "2027-01-05" });
    expect(lines.map((l) => `${l.date} ${l.actCode} ${l.quantity}`).sort()).toEqual(oneShot.map((l) => `${l.date} ${l.actCode} ${l.quantity}`).sort());
    const doc = await statementDoc();
    expect(doc).toMatchObject({ id, title: "Données de remboursement du 05/01/2027", serviceDate: DAY2, hiddenFromPros: true });
    expect(text(doc)).toContain("Période : du 5 janvier 2025 au 5 janvier 2027");
    expect(await db.prisma.document.count({ where: { patientId, typeCode: "REMB" } })).toBe(1);
    await db.prisma.document.update({ where: { id }, data: { hiddenFromPros: false } });
  });

  it("a clock moved back loads nothing twice", async () => {
    const before = await db.prisma.reimbursementItem.count({ where: { patientId } });
    await db.prisma.patient.update({ where: { id: patientId }, data: { reimbursementsLoadedAt: DAY2 } });
    expect(await loadPendingReimbursementHistories(db.prisma, { now: DAY1 })).toBe(0);
    expect(await db.prisma.reimbursementItem.count({ where: { patientId } })).toBe(before);
  });
});

describe("who sees the statement (REIMBURSEMENTS on the snapshot document)", () => {
  const traces = (actorId: string) => db.prisma.trace.findMany({ where: { patientId, actorId, action: "REIMBURSEMENTS_VIEW" } });

  it("the patient: four sections, 20 lines a page, the period, the ALD; the view is traced on the document", async () => {
    const s = await findStatement(db.prisma, patient, patientId, { remb_page_pharmacie: "2" }, { now: DAY2 });
    expect(s).not.toBeNull();
    expect(s!.window).toEqual({ from: "2025-01-05", to: "2027-01-05" });
    expect(s!.sections.map((x) => x.section.slug)).toEqual(["pharmacie", "hospitalisation", "soins", "radiologie"]);
    const pharmacy = s!.sections[0]!;
    expect(pharmacy.total).toBeGreaterThan(STATEMENT_PAGE_SIZE);
    expect(pharmacy.page).toBe(2);
    expect(pharmacy.lines.length).toBeLessThanOrEqual(STATEMENT_PAGE_SIZE);
    expect(s!.alds).toEqual(["ALD n° 8 — Diabète de type 1 et diabète de type 2"]);
    const [trace] = await traces(patient.accountId);
    expect(trace).toMatchObject({ outcome: "ALLOWED", documentId: (await statementDoc()).id, detail: "Données de remboursement du 05/01/2027" });
  });

  it("filters: one section, a period; bad input gets a French message and changes nothing", async () => {
    const one = await findStatement(db.prisma, patient, patientId, { remb_section: "radiologie", remb_du: "2026-01-01", remb_au: "2026-06-30" }, { now: DAY2 });
    expect(one!.sections.map((x) => x.section.slug)).toEqual(["radiologie"]);
    expect(one!.period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    for (const [params, message] of [
      [{ remb_section: "bijoux" }, "Cette rubrique n'existe pas dans le relevé."],
      [{ remb_du: "2020-01-01" }, "Le relevé couvre la période du 05/01/2025 au 05/01/2027 : choisissez des dates dans cet intervalle."],
      [{ remb_du: "2026-06-30", remb_au: "2026-01-01" }, "La date de début de la période doit précéder sa date de fin."],
      [{ remb_au: "31/12/2026" }, "Saisissez les dates de la période au format JJ/MM/AAAA."],
      [{ remb_page_soins: "abc" }, "Le numéro de page doit être un nombre entier."],
      [{ remb_page_soins: "0" }, "Le numéro de page commence à 1."],
    ] as const) {
      const s = await findStatement(db.prisma, patient, patientId, params, { now: DAY2 });
      expect(s!.filterError).toBe(message);
      expect(s!.sections).toHaveLength(4);
      expect(s!.period).toEqual(s!.window);
    }
  });

  it("a doctor with the REMB row sees it, traced with the matrix row", async () => {
    expect(await findStatement(db.prisma, pros.doctor, patientId, {}, { now: DAY2 })).not.toBeNull();
    const [trace] = await traces(pros.doctor.professionalId);
    expect(trace?.reason).toContain("REMB");
  });

  it("a nurse without the REMB row gets nothing, as if there were no statement", async () => {
    expect(await findStatement(db.prisma, pros.nurse, patientId, { remb_page_pharmacie: "2" }, { now: DAY2 })).toBeNull();
    expect(await traces(pros.nurse.professionalId)).toHaveLength(0);
  });

  it("masked by the patient: withdrawn from the doctor, still seen by the treating doctor", async () => {
    const { id } = await statementDoc();
    await db.prisma.document.update({ where: { id }, data: { hiddenFromPros: true } });
    expect(await findStatement(db.prisma, pros.doctor, patientId, {}, { now: DAY2 })).toBeNull();
    expect(await findStatement(db.prisma, pros.treating, patientId, {}, { now: DAY2 })).not.toBeNull();
    expect(await findStatement(db.prisma, patient, patientId, {}, { now: DAY2 })).not.toBeNull();
    await db.prisma.document.update({ where: { id }, data: { hiddenFromPros: false, opposedAt: DAY2 } });
    expect(await findStatement(db.prisma, pros.treating, patientId, {}, { now: DAY2 })).toBeNull();
  });
});
