/**
 * The document list's filters on a real SQLite database: each filter narrows the page and
 * its count together, on top of the access policy (a hidden document stays out whatever
 * the filter).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TPatientActor } from "@/lib/access/actor";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { findDocuments } from "./find-documents";
import { parseDocumentFilters } from "./document-filters";

let db: TTestDatabase;
let actor: TPatientActor;
const titles = { byDupont: "Compte rendu Dupont", byDurand: "Ordonnance Durand", byMarie: "Lettre Marie Dupont", hidden: "Masqué au patient Dupont" };

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const structure = await p.structure.create({ data: { finess: "750000001", name: "Cabinet test", kind: "PRACTICE", city: "Paris", department: "75" } });
  const pro = (idNat: string, firstName: string, lastName: string) =>
    p.professional.create({ data: { idNat, firstName, lastName, profession: "10", specialty: "SM54", structureId: structure.id } });
  const dupont = await pro("810000000001", "Jean", "Dupont");
  const durand = await pro("810000000002", "Claire", "Durand");
  const marie = await pro("810000000003", "Marie", "Dupont");
  const patient = await p.patient.create({
    data: { nir: "280017505600195", birthDate: "1980-01-01", birthRank: 1, firstName: "Jeanne", lastName: "Test", sex: "F", department: "75" },
  });
  const account = await p.account.create({ data: { loginId: "jeanne", passwordHash: "x", firstName: "Jeanne", lastName: "Test", patientId: patient.id } });
  actor = { kind: "PATIENT", accountId: account.id, patientId: patient.id, name: "Jeanne Test" };
  const docs = [
    { title: titles.byDupont, authorId: dupont.id, typeCode: "11488-4", serviceDate: "2026-01-10" },
    { title: titles.byDurand, authorId: durand.id, typeCode: "57833-6", serviceDate: "2026-03-02" },
    { title: titles.byMarie, authorId: marie.id, typeCode: "11488-4", serviceDate: "2026-05-20" },
    { title: titles.hidden, authorId: dupont.id, typeCode: "11488-4", serviceDate: "2026-06-01", hiddenFromPatient: true },
  ];
  let n = 0;
  for (const d of docs) {
    n += 1;
    await p.document.create({
      data: {
        uniqueId: `1.2.250.1.999.${n}`,
        patientId: patient.id,
        classCode: "11",
        source: "PROFESSIONAL",
        structureId: structure.id,
        mediaType: "text/plain",
        size: 1,
        sha256: "0".repeat(64),
        ...d,
        serviceDate: new Date(`${d.serviceDate}T10:00:00Z`),
      },
    });
  }
});

afterAll(async () => {
  await db.cleanup();
});

async function titlesFor(query: Record<string, string>) {
  const ctx = await loadAccessContext(db.prisma, actor, actor.patientId, new Date());
  if (!ctx) throw new Error("record not found");
  const page = await findDocuments(db.prisma, actor, ctx, parseDocumentFilters(query));
  return { titles: page.items.map((d) => d.title), total: page.total };
}

describe("findDocuments filters", () => {
  it("lists the visible documents newest first, the hidden one neither listed nor counted", async () => {
    expect(await titlesFor({})).toEqual({ titles: [titles.byMarie, titles.byDurand, titles.byDupont], total: 3 });
  });

  it("filters by a word of the author's last or first name, case-insensitively", async () => {
    expect(await titlesFor({ author: "dupont" })).toEqual({ titles: [titles.byMarie, titles.byDupont], total: 2 });
    expect(await titlesFor({ author: "Claire" })).toEqual({ titles: [titles.byDurand], total: 1 });
  });

  it("requires every word of the author filter", async () => {
    expect(await titlesFor({ author: "Marie Dupont" })).toEqual({ titles: [titles.byMarie], total: 1 });
    expect(await titlesFor({ author: "Jean Durand" })).toEqual({ titles: [], total: 0 });
  });

  it("combines the author filter with type and dates", async () => {
    expect(await titlesFor({ author: "Dupont", typeCode: "11488-4", from: "2026-02-01" })).toEqual({ titles: [titles.byMarie], total: 1 });
  });

  it("takes LIKE wildcards in the author filter literally", async () => {
    expect(await titlesFor({ author: "%" })).toEqual({ titles: [], total: 0 });
    expect(await titlesFor({ author: "D_pont" })).toEqual({ titles: [], total: 0 });
  });

  it("pages the list and keeps the total", async () => {
    const second = await titlesFor({ pageSize: "2", page: "2" });
    expect(second).toEqual({ titles: [titles.byDupont], total: 3 });
  });

  it("ignores a blank author filter", async () => {
    expect(await titlesFor({ author: "   " })).toEqual({ titles: [titles.byMarie, titles.byDurand, titles.byDupont], total: 3 });
  });
});
