/**
 * The portal's replacement on a real database, with the same rule as the feed
 * (lib/access/feed-rules canReplaceDocument): the author, or a health professional of the
 * document's structure allowed to author its type; never from another structure, even
 * for a professional who can read the document.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TProfessionalActor } from "@/lib/access/actor";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { getProfessionalRecord } from "@/lib/records/get-professional-record";
import { openRecord } from "@/lib/record-door/open-record";
import { parseDocumentFilters } from "./document-filters";
import { getReplaceableDocument } from "./replaceable-document";
import { replaceDocument } from "./replace-document";

const CRH = "34112-3";
let db: TTestDatabase;
const ids = {} as Record<"hospital" | "clinic" | "patient" | "author" | "colleague" | "nurse" | "clinicDoctor", string>;

function actorOf(professionalId: string, profession: string): TProfessionalActor {
  return { kind: "PROFESSIONAL", professionalId, name: "Test", profession, specialty: null, isSamuRegulator: false };
}

async function hospitalReport(title: string): Promise<string> {
  const doc = await db.prisma.document.create({
    data: {
      uniqueId: `urn:uuid:${crypto.randomUUID()}`,
      patientId: ids.patient,
      typeCode: CRH,
      classCode: "10",
      title,
      authorId: ids.author,
      structureId: ids.hospital,
      serviceDate: new Date("2026-01-10T12:00:00Z"),
      source: "HOSPITAL_FEED",
      mediaType: "text/plain",
      size: 4,
      sha256: "0".repeat(64),
    },
  });
  return doc.id;
}

const newVersion = { typeCode: CRH, title: "CRH corrigé", serviceDate: "2026-01-11", masking: [] };
const content = { kind: "text" as const, text: "Nouvelle version du compte rendu." };

beforeAll(async () => {
  db = await createTestDatabase({ name: "replace-document" });
  const p = db.prisma;
  ids.hospital = (await p.structure.create({ data: { finess: "750000019", name: "Hôpital test", kind: "HOSPITAL", city: "Paris", department: "75" } })).id;
  ids.clinic = (await p.structure.create({ data: { finess: "920000014", name: "Clinique test", kind: "HOSPITAL", city: "Nanterre", department: "92" } })).id;
  ids.patient = (await p.patient.create({ data: { nir: buildNir({ sex: "F", birthDate: "1970-05-20", place: "75056", order: 44 }), birthDate: "1970-05-20", birthRank: 1, firstName: "Lucie", lastName: "Martin", sex: "F", department: "75" } })).id;
  const pro = async (idNat: string, profession: string, structureId: string) => (await p.professional.create({ data: { idNat, firstName: "Test", lastName: idNat, profession, structureId } })).id;
  ids.author = await pro("810000000011", "10", ids.hospital);
  ids.colleague = await pro("810000000060", "10", ids.hospital);
  ids.nurse = await pro("810000000078", "60", ids.hospital);
  ids.clinicDoctor = await pro("810000000086", "10", ids.clinic);
  for (const professionalId of [ids.author, ids.colleague, ids.nurse, ids.clinicDoctor]) {
    await p.professionalAuthorization.create({ data: { patientId: ids.patient, professionalId, consentAt: new Date(), recordedById: professionalId } });
  }
  await p.habilitationRule.createMany({
    data: [
      { profession: "10", specialty: "*", typeCode: CRH, canRead: true },
      { profession: "60", specialty: "*", typeCode: CRH, canRead: true },
    ],
  });
});

afterAll(async () => {
  await db?.cleanup();
});

describe("unauthorized access: replacing a document in the portal", () => {
  it("a doctor of another structure who reads the report cannot replace it", async () => {
    const id = await hospitalReport("CRH lu par la clinique");
    await expect(replaceDocument(db.prisma, actorOf(ids.clinicDoctor, "10"), ids.patient, id, newVersion, content)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.document.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACTIVE" });
  });

  it("a nurse of the structure, who may not author a hospital report, cannot replace it", async () => {
    const id = await hospitalReport("CRH lu par l'infirmière");
    await expect(replaceDocument(db.prisma, actorOf(ids.nurse, "60"), ids.patient, id, { ...newVersion, typeCode: "18776-5" }, content)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.document.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACTIVE" });
  });

  it("the record page offers « Remplacer » exactly to whom the rule lets replace, and only they reach the replacement form", async () => {
    const cases = [
      ["author", ids.author, "10", true],
      ["doctor colleague of the structure", ids.colleague, "10", true],
      ["nurse of the structure", ids.nurse, "60", false],
      ["doctor of another structure", ids.clinicDoctor, "10", false],
    ] as const;
    for (const [who, professionalId, profession, mayReplace] of cases) {
      const id = await hospitalReport(`CRH proposé au remplacement (${who})`);
      const actor = actorOf(professionalId, profession);
      const record = await getProfessionalRecord(db.prisma, actor, ids.patient, parseDocumentFilters({}));
      const listed = record.documents.items.find((d) => d.id === id);
      expect({ who, mayReplace: listed?.mayReplace }).toEqual({ who, mayReplace });
      const { ctx } = await openRecord(db.prisma, actor, ids.patient, { traceView: false });
      expect({ who, form: (await getReplaceableDocument(db.prisma, actor, ctx, id))?.id ?? null }).toEqual({ who, form: mayReplace ? id : null });
      // What the page offers is what the command does.
      const replaced = await replaceDocument(db.prisma, actor, ids.patient, id, newVersion, content).then(() => true, () => false);
      expect({ who, replaced }).toEqual({ who, replaced: mayReplace });
      // A replaced version is offered to nobody.
      if (replaced) expect(await getReplaceableDocument(db.prisma, actor, ctx, id)).toBeNull();
    }
  });

  it("the author and a doctor colleague of the structure may replace it, as in the feed", async () => {
    const byAuthor = await hospitalReport("CRH de l'auteur");
    await replaceDocument(db.prisma, actorOf(ids.author, "10"), ids.patient, byAuthor, newVersion, content);
    const byColleague = await hospitalReport("CRH repris par un collègue");
    const { documentId } = await replaceDocument(db.prisma, actorOf(ids.colleague, "10"), ids.patient, byColleague, newVersion, content);
    expect(await db.prisma.document.findUniqueOrThrow({ where: { id: byColleague } })).toMatchObject({ status: "REPLACED" });
    expect(await db.prisma.document.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({ authorId: ids.colleague, structureId: ids.hospital, replacesId: byColleague });
  });
});
