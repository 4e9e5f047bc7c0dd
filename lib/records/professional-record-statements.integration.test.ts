/**
 * Issue 14: the record a professional reads costs few SQL statements, whatever its size.
 * The normal path (a professional authorized by consent) counts, with Prisma's query log:
 * the access context (one statement), the RECORD_VIEW trace (one INSERT, which reads the
 * chain head itself on SQLite; head then insert on PostgreSQL), the
 * authorization's last access, and ONE list statement for the section shown (page and
 * count together). Main answered the whole record in 15 statements.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTransactionControl } from "@/lib/db/query-plan";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createQueryLoggingPrismaClient } from "@/lib/db/create-client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { getProfessionalRecord, getProfessionalRecordSection } from "./get-professional-record";
import { onDirectStatement } from "@/lib/db/raw-sql";

const CRH = "34112-3";
let db: TTestDatabase;
let logged: PrismaClient<"query">;
let statements: string[] = [];
const ids = {} as Record<"hospital" | "patient" | "gp" | "treatingDoctor", string>;
let gp: TProfessionalActor;

/** The statements one call sends (transaction control aside, as the bench counts them). */
async function countStatements(run: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await run();
  // Transaction control aside, and PostgreSQL's per-chain trace lock (a wait, not a read).
  return statements.filter((q) => !isTransactionControl(q) && !/pg_advisory_xact_lock/.test(q));
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "record-statements" });
  const p = db.prisma;
  ids.hospital = (await p.structure.create({ data: { finess: "750000019", name: "Hôpital test", kind: "HOSPITAL", city: "Paris", department: "75" } })).id;
  ids.gp = (await p.professional.create({ data: { idNat: "810000000011", firstName: "Claire", lastName: "Généraliste", profession: "10", specialty: "SM54", structureId: ids.hospital } })).id;
  ids.treatingDoctor = (await p.professional.create({ data: { idNat: "810000000060", firstName: "Paul", lastName: "Traitant", profession: "10", specialty: "SM54" } })).id;
  ids.patient = (
    await p.patient.create({
      data: {
        nir: buildNir({ sex: "F", birthDate: "1970-05-20", place: "75056", order: 44 }),
        birthDate: "1970-05-20",
        birthRank: 1,
        firstName: "Lucie",
        lastName: "Martin",
        sex: "F",
        department: "75",
        treatingDoctorId: ids.treatingDoctor,
        reimbursementsLoadedAt: new Date(),
      },
    })
  ).id;
  await p.professionalAuthorization.create({ data: { patientId: ids.patient, professionalId: ids.gp, consentAt: new Date(), recordedById: ids.gp } });
  await p.habilitationRule.createMany({
    data: [
      { profession: "10", specialty: "*", typeCode: CRH, canRead: true },
      { profession: "10", specialty: "*", typeCode: "REMB", canRead: true },
      { profession: "10", specialty: "*", typeCode: "PROFIL_MEDICAL", canRead: true },
      { profession: "10", specialty: "SM54", typeCode: "11488-4", canRead: true },
    ],
  });
  for (let i = 0; i < 45; i++) {
    await p.document.create({
      data: {
        uniqueId: `urn:uuid:${crypto.randomUUID()}`,
        patientId: ids.patient,
        typeCode: CRH,
        classCode: "10",
        title: `Compte rendu ${String(i).padStart(2, "0")}`,
        authorId: ids.gp,
        structureId: ids.hospital,
        serviceDate: new Date(Date.UTC(2026, 0, 1 + i)),
        source: "HOSPITAL_FEED",
        mediaType: "text/plain",
        size: 4,
        sha256: "0".repeat(64),
      },
    });
  }
  await p.allergy.create({ data: { patientId: ids.patient, substance: "Pénicilline", severity: "sévère" } });
  await p.treatment.create({ data: { patientId: ids.patient, medication: "Metformine", dosage: "500 mg", startDate: "2025-01-01" } });
  logged = createQueryLoggingPrismaClient(db.url);
  logged.$on("query", (e: { query: string }) => statements.push(e.query));
  onDirectStatement(logged, (sql) => {
    statements.push(sql);
  });
  gp = { kind: "PROFESSIONAL", professionalId: ids.gp, name: "Claire Généraliste", profession: "10", specialty: "SM54", isSamuRegulator: false };
});

afterAll(async () => {
  await logged?.$disconnect();
  await db?.cleanup();
});

describe("the professional's record page: statements per section", () => {
  it("the documents section (default) is one page of 20 rows in at most 5 statements", async () => {
    let record: Awaited<ReturnType<typeof getProfessionalRecord>> | undefined;
    const sent = await countStatements(async () => {
      record = await getProfessionalRecord(logged, gp, ids.patient, parseDocumentFilters({}));
    });
    expect(sent.length, sent.join("\n---\n")).toBeLessThanOrEqual(5);
    expect(record?.documents.items).toHaveLength(20);
    expect(record?.documents).toMatchObject({ total: 45, page: 1, pageCount: 3 });
    expect(record?.patient).toMatchObject({ firstName: "Lucie", lastName: "Martin", birthDate: "1970-05-20", birthRank: 1 });
    expect(record?.access).toMatchObject({ rule: "CONSENT", mode: "NORMAL", isTreatingDoctor: false, maySeeReimbursements: true });
    // The author of the documents may replace them (the replacer's facts came with the context).
    expect(record?.documents.items.every((d) => d.mayReplace)).toBe(true);
  });

  it("the last page holds the remaining rows, counted in the same statement", async () => {
    const sent = await countStatements(async () => {
      const record = await getProfessionalRecord(logged, gp, ids.patient, parseDocumentFilters({ page: "3" }));
      expect(record.documents.items.map((d) => d.title)).toEqual(["Compte rendu 04", "Compte rendu 03", "Compte rendu 02", "Compte rendu 01", "Compte rendu 00"]);
      expect(record.documents.total).toBe(45);
    });
    expect(sent.length).toBeLessThanOrEqual(5);
  });

  it("the summary and care team sections are one list statement each", async () => {
    for (const section of ["synthese", "equipe"] as const) {
      let view: Awaited<ReturnType<typeof getProfessionalRecordSection>> | undefined;
      const sent = await countStatements(async () => {
        view = await getProfessionalRecordSection(logged, gp, ids.patient, section, 1);
      });
      expect({ section, count: sent.length <= 5 }).toEqual({ section, count: true });
      if (view?.section === "synthese") {
        expect(view.summary.allergies.map((a) => a.substance)).toEqual(["Pénicilline"]);
        expect(view.summary.treatments.map((t) => t.medication)).toEqual(["Metformine"]);
      }
      if (view?.section === "equipe") {
        expect(view.careTeam.items.map((m) => [m.name, m.isTreatingDoctor])).toEqual([
          ["Paul Traitant", true],
          ["Claire Généraliste", false],
        ]);
      }
    }
  });

  it("without the matrix row PROFIL_MEDICAL the summary reads no allergy nor treatment (HEALTH_PROFILE)", async () => {
    await db.prisma.habilitationRule.deleteMany({ where: { profession: "10", typeCode: "PROFIL_MEDICAL" } });
    try {
      const sent: string[] = [];
      const view = await countStatements(async () => {
        const v = await getProfessionalRecordSection(logged, gp, ids.patient, "synthese", 1);
        if (v.section === "synthese") {
          expect(v.summary.isProfileAllowed).toBe(false);
          expect(v.summary.allergies).toEqual([]);
          expect(v.summary.treatments).toEqual([]);
        }
      });
      sent.push(...view);
      expect(sent.some((q) => /FROM\s+"?Allergy"?/i.test(q))).toBe(false);
    } finally {
      await db.prisma.habilitationRule.create({ data: { profession: "10", specialty: "*", typeCode: "PROFIL_MEDICAL", canRead: true } });
    }
  });

  it("every view is traced: one RECORD_VIEW per page read", async () => {
    const before = await db.prisma.trace.count({ where: { patientId: ids.patient, action: "RECORD_VIEW" } });
    await getProfessionalRecordSection(logged, gp, ids.patient, "equipe", 1);
    expect(await db.prisma.trace.count({ where: { patientId: ids.patient, action: "RECORD_VIEW" } })).toBe(before + 1);
  });
});
