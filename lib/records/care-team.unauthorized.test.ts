/**
 * The patient-side reader's view of who accessed the record, on a real database: the care
 * team's "last access" and the access history never reveal a document the reader cannot
 * see (the trace visibility rule of lib/access/trace-visibility.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TLegalRepresentativeActor, TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { addDocument } from "@/lib/documents/add-document";
import { replaceDocument } from "@/lib/documents/replace-document";
import { readDocument } from "@/lib/documents/read-document";
import { exportTracesCsv, findTraces, parseTraceFilters } from "@/lib/traces/find-traces";
import { findCareTeam } from "./care-team";

let db: TTestDatabase;
let patientId: string;
let doctor: TProfessionalActor;
let holder: TPatientActor;
let mother: TLegalRepresentativeActor;
const T1 = new Date("2026-02-01T10:00:00.000Z");
const T2 = new Date("2026-02-02T10:00:00.000Z");

beforeAll(async () => {
  db = await createTestDatabase({ name: "care-team-unauthorized" });
  const p = db.prisma;
  const gp = await p.professional.create({ data: { idNat: "810000000029", firstName: "Claire", lastName: "Généraliste", profession: "10", specialty: "SM54" } });
  doctor = { kind: "PROFESSIONAL", professionalId: gp.id, name: "Dr Claire Généraliste", profession: "10", specialty: "SM54", isSamuRegulator: false };
  patientId = (await p.patient.create({ data: { nir: "114037505601742", birthDate: "2014-03-02", firstName: "Léo", lastName: "Martin", sex: "M", department: "75", treatingDoctorId: gp.id } })).id;
  const own = await p.account.create({ data: { loginId: "leo", passwordHash: "x", firstName: "Léo", lastName: "Martin", patientId } });
  const anne = await p.account.create({ data: { loginId: "anne", passwordHash: "x", firstName: "Anne", lastName: "Martin" } });
  await p.legalRepresentation.create({ data: { accountId: anne.id, patientId, relationship: "Mère" } });
  holder = { kind: "PATIENT", accountId: own.id, patientId, name: "Léo Martin" };
  mother = { kind: "LEGAL_REPRESENTATIVE", accountId: anne.id, patientId, name: "Anne Martin" };
  await p.habilitationRule.create({ data: { profession: "10", specialty: "*", typeCode: "11488-4", canRead: true } });
});

afterAll(async () => {
  await db?.cleanup();
});

const input = (title: string, masking: ("INVISIBLE_REPRESENTANTS_LEGAUX" | "INVISIBLE_PATIENT")[] = []) => ({ typeCode: "11488-4", title, serviceDate: "2026-01-15", masking });

describe("unauthorized access: the care team and the history never reveal a document the reader cannot see", () => {
  it("care team: an access to a document hidden from the representatives is not the last access a representative is shown", async () => {
    await addDocument(db.prisma, doctor, patientId, input("Vaccination"), { kind: "text", text: "x" }, { now: T1 });
    const { documentId } = await addDocument(db.prisma, doctor, patientId, input("Contraception", ["INVISIBLE_REPRESENTANTS_LEGAUX"]), { kind: "text", text: "x" }, { now: T2 });
    const ctx = await loadAccessContext(db.prisma, doctor, patientId);
    await readDocument(db.prisma, doctor, ctx!, documentId);

    const seenByMother = await findCareTeam(db.prisma, mother);
    expect(seenByMother.map((m) => [m.name, m.lastAccessAt?.toISOString()])).toEqual([["Claire Généraliste", T1.toISOString()]]);
    const seenByHolder = await findCareTeam(db.prisma, holder);
    expect(seenByHolder[0]?.lastAccessAt?.getTime()).toBeGreaterThan(T2.getTime());
  });

  it("care team: a professional whose only access was to a hidden document is not listed for that reader", async () => {
    const p = db.prisma;
    const hidden = await p.document.findFirstOrThrow({ where: { patientId, title: "Contraception" } });
    const other = await p.professional.create({ data: { idNat: "810000000037", firstName: "Paul", lastName: "Discret", profession: "10", specialty: "SM54" } });
    // Dr Discret reads under break-the-glass: the record's history holds only that read.
    await p.emergencyAccess.create({ data: { patientId, professionalId: other.id, mode: "BREAK_GLASS", expiresAt: new Date(Date.now() + 3_600_000) } });
    const actor: TProfessionalActor = { kind: "PROFESSIONAL", professionalId: other.id, name: "Dr Paul Discret", profession: "10", specialty: "SM54", isSamuRegulator: false };
    const ctx = await loadAccessContext(p, actor, patientId);
    await readDocument(p, actor, ctx!, hidden.id);

    expect((await findCareTeam(p, mother)).map((m) => m.name)).not.toContain("Paul Discret");
    expect((await findCareTeam(p, holder)).map((m) => m.name)).toContain("Paul Discret");
  });

  it("history: a new version of a document hidden from the representatives does not show them the old title, in the page nor the CSV", async () => {
    const old = await addDocument(db.prisma, doctor, patientId, input("Suivi IST confidentiel", ["INVISIBLE_REPRESENTANTS_LEGAUX"]), { kind: "text", text: "x" });
    await replaceDocument(db.prisma, doctor, patientId, old.documentId, input("Bilan de santé"), { kind: "text", text: "y" });
    const ctx = await loadAccessContext(db.prisma, mother, patientId);

    const page = await findTraces(db.prisma, mother, ctx!, parseTraceFilters({ action: "DOCUMENT_REPLACE" }));
    expect(page.items.map((t) => [t.detail, t.reason])).toEqual([["Bilan de santé", null]]);
    expect(JSON.stringify(await findTraces(db.prisma, mother, ctx!, parseTraceFilters({ pageSize: "200" })))).not.toContain("IST");
    expect(await exportTracesCsv(db.prisma, mother, ctx!, parseTraceFilters({}))).not.toContain("IST");

    const holderCtx = await loadAccessContext(db.prisma, holder, patientId);
    const holderPage = await findTraces(db.prisma, holder, holderCtx!, parseTraceFilters({ action: "DOCUMENT_REPLACE" }));
    expect(holderPage.items.map((t) => t.reason)).toEqual(["Nouvelle version de « Suivi IST confidentiel »"]);
  });
});
