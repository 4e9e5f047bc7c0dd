/**
 * The access history as the patient side reads it, on a real SQLite database: traces about
 * a document hidden from the reader are neither listed, counted, exported nor offered as
 * a filter, and the filters narrow the page and its count together. The count of a long
 * history reads the hidden documents' traces by index instead of testing every trace.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { recordQueryPlans } from "@/lib/testing/query-plans";
import type { TLegalRepresentativeActor, TPatientActor } from "@/lib/access/actor";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { AppError } from "@/lib/errors/app-error";
import { appendTraces } from "./append-trace";
import { exportTracesCsv, findTraces, parseTraceFilters } from "./find-traces";

let db: TTestDatabase;
let patient: TPatientActor;
let parent: TLegalRepresentativeActor;
const docIds: Record<"plain" | "hiddenFromPatient" | "hiddenFromParents", string> = { plain: "", hiddenFromPatient: "", hiddenFromParents: "" };
const proIds = { martin: "", durand: "", samu: "" };

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const structure = await p.structure.create({ data: { finess: "750000001", name: "Cabinet test", kind: "PRACTICE", city: "Paris", department: "75" } });
  const pro = (idNat: string, lastName: string) =>
    p.professional.create({ data: { idNat, firstName: "Test", lastName, profession: "10", specialty: "SM54", structureId: structure.id } });
  proIds.martin = (await pro("810000000001", "Martin")).id;
  proIds.durand = (await pro("810000000002", "Durand")).id;
  proIds.samu = (await pro("810000000003", "Régulateur")).id;
  const child = await p.patient.create({
    data: { nir: "280017505600195", birthDate: "2015-01-01", birthRank: 1, firstName: "Léa", lastName: "Test", sex: "F", department: "75" },
  });
  const own = await p.account.create({ data: { loginId: "lea", passwordHash: "x", firstName: "Léa", lastName: "Test", patientId: child.id } });
  const rep = await p.account.create({ data: { loginId: "parent", passwordHash: "x", firstName: "Parent", lastName: "Test" } });
  await p.legalRepresentation.create({ data: { accountId: rep.id, patientId: child.id, relationship: "Mère" } });
  patient = { kind: "PATIENT", accountId: own.id, patientId: child.id, name: "Léa Test" };
  parent = { kind: "LEGAL_REPRESENTATIVE", accountId: rep.id, patientId: child.id, name: "Parent Test" };

  const docBase = { patientId: child.id, typeCode: "11488-4", classCode: "11", source: "PROFESSIONAL" as const, authorId: proIds.martin, serviceDate: new Date("2026-01-01"), mediaType: "text/plain", size: 1, sha256: "0" };
  docIds.plain = (await p.document.create({ data: { ...docBase, uniqueId: "u-1", title: "Visible" } })).id;
  docIds.hiddenFromPatient = (await p.document.create({ data: { ...docBase, uniqueId: "u-2", title: "Annonce", hiddenFromPatient: true } })).id;
  docIds.hiddenFromParents = (await p.document.create({ data: { ...docBase, uniqueId: "u-3", title: "Confidentiel", hiddenFromLegalReps: true } })).id;

  const read = (professionalId: string, name: string, documentId: string, at: string) => ({
    patientId: child.id,
    actorKind: "PROFESSIONAL" as const,
    actorId: professionalId,
    actorName: name,
    action: "DOCUMENT_READ" as const,
    documentId,
    at: new Date(at),
  });
  await appendTraces(p, [
    { patientId: child.id, actorKind: "PROFESSIONAL", actorId: proIds.martin, actorName: "Dr Test Martin", action: "RECORD_VIEW", at: new Date("2026-02-01T10:00:00Z") },
    read(proIds.martin, "Dr Test Martin", docIds.plain, "2026-02-02T10:00:00Z"),
    read(proIds.durand, "Dr Test Durand", docIds.hiddenFromPatient, "2026-02-03T10:00:00Z"),
    read(proIds.martin, "Dr Test Martin", docIds.hiddenFromParents, "2026-02-04T10:00:00Z"),
    { patientId: child.id, actorKind: "PROFESSIONAL", actorId: proIds.samu, actorName: "=Dr Régulateur", actorProfession: "10/SM54", action: "RECORD_VIEW", mode: "SAMU", at: new Date("2026-03-01T10:00:00Z") },
  ]);
});

afterAll(async () => {
  await db.cleanup();
});

async function history(actor: TPatientActor | TLegalRepresentativeActor, query: Record<string, string> = {}) {
  const ctx = await loadAccessContext(db.prisma, actor, actor.patientId);
  if (!ctx) throw new Error("record not found");
  return findTraces(db.prisma, actor, ctx, parseTraceFilters(query));
}

describe("findTraces (patient side)", () => {
  it("leaves out, for the patient, the traces about a document hidden from the patient", async () => {
    const page = await history(patient);
    expect(page.total).toBe(4);
    expect(page.items.map((t) => [t.actorName, t.action])).toEqual([
      ["=Dr Régulateur", "RECORD_VIEW"],
      ["Dr Test Martin", "DOCUMENT_READ"],
      ["Dr Test Martin", "DOCUMENT_READ"],
      ["Dr Test Martin", "RECORD_VIEW"],
    ]);
    // Durand only read the hidden document: searching his name finds nothing.
    expect((await history(patient, { actor: "Durand" })).total).toBe(0);
    expect((await history(patient, { actor: "test martin" })).total).toBe(3);
  });

  it("leaves out, for a legal representative, the traces about documents hidden from the patient or from them", async () => {
    const page = await history(parent);
    expect(page.total).toBe(3);
    expect(page.items.filter((t) => t.action === "DOCUMENT_READ")).toHaveLength(1);
  });

  it("filters by professional, mode and action, and counts what it filters", async () => {
    expect((await history(patient, { actorId: proIds.martin })).total).toBe(3);
    const samu = await history(patient, { mode: "SAMU" });
    expect(samu.total).toBe(1);
    expect(samu.items[0]).toMatchObject({ actorName: "=Dr Régulateur", isEmergency: true });
    expect((await history(patient, { action: "RECORD_VIEW" })).total).toBe(2);
    expect((await history(patient, { from: "2026-02-02", to: "2026-02-28" })).total).toBe(2);
  });

  it("pages the history, newest first", async () => {
    const second = await history(patient, { pageSize: "3", page: "2" });
    expect(second).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(second.items.map((t) => t.action)).toEqual(["RECORD_VIEW"]);
  });

  it("counts a page past the end apart, with the same filters", async () => {
    expect(await history(patient, { page: "5" })).toMatchObject({ items: [], total: 4, page: 5, pageCount: 1 });
    expect(await history(parent, { actorId: proIds.martin, page: "3" })).toMatchObject({ items: [], total: 2 });
  });

  it("counts without testing every trace against the hidden documents (a long history, issue 14)", async () => {
    const recorder = recordQueryPlans(db);
    try {
      const ctx = await loadAccessContext(recorder.prisma, patient, patient.patientId);
      const plans = await recorder.plansOf(() => findTraces(recorder.prisma, patient, ctx!, parseTraceFilters({})));
      const [plan] = plans.filter((p) => p.includes("Trace"));
      expect(plan).toBeDefined();
      if (db.engine === "sqlite") {
        // The hidden documents' traces, sought by (patientId, documentId); NOT IN probed every trace of the record.
        expect(plan).toMatch(/Trace_patientId_documentId_idx \(patientId=\? AND documentId=\?\)/);
      }
    } finally {
      await recorder.disconnect();
    }
  });

  it("exports the same traces as CSV, a cell typed by someone else never read as a formula", async () => {
    const ctx = await loadAccessContext(db.prisma, parent, parent.patientId);
    const csv = await exportTracesCsv(db.prisma, parent, ctx!, parseTraceFilters({}));
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 3);
    expect(csv).toContain("'=Dr Régulateur");
    expect(csv).not.toContain("Dr Test Durand");
  });

  it("the CSV shows what the page shows: labels of the profession, the action and the access mode, never their codes", async () => {
    const ctx = await loadAccessContext(db.prisma, parent, parent.patientId);
    const csv = await exportTracesCsv(db.prisma, parent, ctx!, parseTraceFilters({}));
    const regulator = csv.split("\r\n").find((l) => l.includes("Régulateur"));
    expect(regulator?.split(";").slice(1, 6)).toEqual(["'=Dr Régulateur", "Médecin – Médecine générale", "", "Consultation du dossier", "SAMU-Centre 15"]);
    expect(csv).not.toMatch(/10\/SM54|RECORD_VIEW|DOCUMENT_READ|;SAMU;|;NORMAL;/);
  });

  it("refuses a professional (their history is another function)", async () => {
    const pro = { kind: "PROFESSIONAL" as const, professionalId: proIds.martin, name: "Dr Test Martin", profession: "10", specialty: "SM54", isSamuRegulator: false };
    const ctx = await loadAccessContext(db.prisma, pro, patient.patientId);
    await expect(findTraces(db.prisma, pro, ctx!, parseTraceFilters({}))).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
  });
});
