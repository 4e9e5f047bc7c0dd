/**
 * A document list's count and its policy read one index, not a table row per document of
 * the record (issue 14): the patient's, a legal representative's and a professional's
 * lists count with what the index Document_list_idx holds (the columns the policy tests
 * follow its sort order). The expected totals keep the policy in view: what the index
 * answers is what the table answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/access/actor";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { recordQueryPlans, type TQueryPlanRecorder, wholeTableRead } from "@/lib/testing/query-plans";
import { parseDocumentFilters } from "./document-filters";
import { findDocuments } from "./find-documents";

let db: TTestDatabase;
let recorder: TQueryPlanRecorder;
const actors: Record<"patient" | "representative" | "professional", TActor> = {} as never;
let patientId = "";

beforeAll(async () => {
  db = await createTestDatabase({ name: "document-list-index" });
  recorder = recordQueryPlans(db);
  const p = db.prisma;
  const structure = await p.structure.create({ data: { finess: "750000001", name: "Cabinet test", kind: "PRACTICE", city: "Paris", department: "75" } });
  const pro = await p.professional.create({ data: { idNat: "810000000001", firstName: "Test", lastName: "Martin", profession: "10", specialty: "SM54", structureId: structure.id } });
  const other = await p.professional.create({ data: { idNat: "810000000002", firstName: "Test", lastName: "Durand", profession: "10", specialty: "SM54", structureId: structure.id } });
  const child = await p.patient.create({ data: { nir: "280017505600195", birthDate: "2015-01-01", birthRank: 1, firstName: "Léa", lastName: "Test", sex: "F", department: "75" } });
  patientId = child.id;
  const own = await p.account.create({ data: { loginId: "lea", passwordHash: "x", firstName: "Léa", lastName: "Test", patientId } });
  const rep = await p.account.create({ data: { loginId: "parent", passwordHash: "x", firstName: "Parent", lastName: "Test" } });
  await p.legalRepresentation.create({ data: { accountId: rep.id, patientId, relationship: "Mère" } });
  await p.habilitationRule.create({ data: { profession: "10", specialty: "*", typeCode: "11488-4", canRead: true } });
  await p.professionalAuthorization.create({ data: { patientId, professionalId: pro.id, method: "CONSENT", consentAt: new Date(), recordedById: pro.id } });
  actors.patient = { kind: "PATIENT", accountId: own.id, patientId, name: "Léa Test" };
  actors.representative = { kind: "LEGAL_REPRESENTATIVE", accountId: rep.id, patientId, name: "Parent Test" };
  actors.professional = { kind: "PROFESSIONAL", professionalId: pro.id, name: "Dr Test Martin", profession: "10", specialty: "SM54", isSamuRegulator: false };

  const base = { patientId, typeCode: "11488-4", classCode: "11", source: "PROFESSIONAL" as const, authorId: other.id, mediaType: "text/plain", size: 1, sha256: "0" };
  const documents = [
    { title: "Visible" },
    { title: "Visible aussi" },
    { title: "Annonce à venir", hiddenFromPatient: true },
    { title: "Secret du mineur", hiddenFromLegalReps: true },
    { title: "Masqué aux professionnels", hiddenFromPros: true },
    { title: "Opposé", opposedAt: new Date() },
  ];
  for (const [i, d] of documents.entries()) {
    await p.document.create({ data: { ...base, ...d, uniqueId: `u-${i}`, serviceDate: new Date(Date.UTC(2026, 0, i + 1)) } });
  }
});

afterAll(async () => {
  await recorder?.disconnect();
  await db?.cleanup();
});

describe("document lists count from their index", () => {
  for (const [who, total] of [
    ["patient", 5],
    ["representative", 4],
    ["professional", 4],
  ] as const) {
    it(`${who}: ${total} documents counted, the count reading the list index alone`, async () => {
      const actor = actors[who];
      const ctx = await loadAccessContext(recorder.prisma, actor, patientId);
      if (!ctx) throw new Error("record not found");
      let page: Awaited<ReturnType<typeof findDocuments>> | undefined;
      const plans = await recorder.plansOf(async () => {
        page = await findDocuments(recorder.prisma, actor, ctx, parseDocumentFilters({}));
      });

      expect(page?.total).toBe(total);
      expect(page?.items).toHaveLength(total);
      const list = plans.filter((plan) => plan.includes("Document"));
      expect(list).toHaveLength(1);
      expect(list[0]).not.toMatch(wholeTableRead(db, "Document"));
      if (db.engine === "sqlite") {
        // The count is the statement's scalar subquery: it must not visit the table.
        expect(list[0]).toMatch(/SCALAR SUBQUERY \d+ \/ SEARCH d USING COVERING INDEX Document_list_idx/);
      }
    });
  }
});
