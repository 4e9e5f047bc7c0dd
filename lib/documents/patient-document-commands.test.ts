import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TPatientActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors/app-error";
import { addPersonalDocument, deletePersonalDocument, opposeDocument, setDocumentMasked, withdrawOpposition } from "./patient-document-commands";
import type { TProfessionalActor } from "@/lib/access/actor";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { canRead } from "@/lib/access/policy";
import { blockProfessional } from "@/lib/records/care-team";
import { closeRecord } from "@/lib/records/close-record";
import { findTraces, parseTraceFilters } from "@/lib/traces/find-traces";
import { openRecord } from "@/lib/record-door/open-record";

let db: TTestDatabase;
let alice: TPatientActor;
let bob: TPatientActor;
let bobDocId: string;
let aliceDocId: string;
let aliceHiddenDocId: string;
let proId: string;

async function makePatient(prisma: TTestDatabase["prisma"], name: string, nir: string) {
  const patient = await prisma.patient.create({
    data: { nir, birthDate: "1980-01-01", firstName: name, lastName: "Test", sex: "F", department: "75" },
  });
  const account = await prisma.account.create({
    data: { loginId: name.toLowerCase(), passwordHash: "x", firstName: name, lastName: "Test", email: `${name}@t.fr`, patientId: patient.id },
  });
  return { kind: "PATIENT" as const, accountId: account.id, patientId: patient.id, name: `${name} Test` };
}

async function makeDoc(prisma: TTestDatabase["prisma"], patientId: string, extra: Record<string, unknown> = {}) {
  const doc = await prisma.document.create({
    data: {
      uniqueId: `u-${Math.random()}`,
      patientId,
      typeCode: "11488-4",
      classCode: "10",
      title: "Compte rendu",
      authorId: proId,
      serviceDate: new Date("2026-01-01"),
      source: "PROFESSIONAL",
      mediaType: "text/plain",
      size: 5,
      sha256: "0",
      content: { create: { data: Buffer.from("hello") } },
      ...extra,
    },
  });
  return doc.id;
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "patient-commands" });
  const pro = await db.prisma.professional.create({ data: { idNat: "810000000001", firstName: "Paul", lastName: "Médecin", profession: "10", specialty: "SM53" } });
  proId = pro.id;
  alice = await makePatient(db.prisma, "Alice", "280017511100101");
  bob = await makePatient(db.prisma, "Bob", "180017511100101");
  aliceDocId = await makeDoc(db.prisma, alice.patientId);
  aliceHiddenDocId = await makeDoc(db.prisma, alice.patientId, { hiddenFromPatient: true, title: "Secret" });
  bobDocId = await makeDoc(db.prisma, bob.patientId);
});

afterAll(async () => {
  await db.cleanup();
});

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
}

describe("a patient cannot reach another patient's record by changing an id", () => {
  it("refuses masking, opposing or deleting another record's document, and changes nothing", async () => {
    await expectNotFound(setDocumentMasked(db.prisma, alice, bobDocId, true));
    await expectNotFound(opposeDocument(db.prisma, alice, bobDocId, "Motif tout à fait légitime"));
    await expectNotFound(deletePersonalDocument(db.prisma, alice, bobDocId));
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: bobDocId } });
    expect(doc.hiddenFromPros).toBe(false);
    expect(doc.opposedAt).toBeNull();
    expect(await db.prisma.trace.count({ where: { patientId: bob.patientId } })).toBe(0);
  });

  it("refuses a legal representative actor on a record they do not represent", async () => {
    await expectNotFound(openRecord(db.prisma, { ...alice, kind: "LEGAL_REPRESENTATIVE", patientId: bob.patientId }, bob.patientId));
  });

  it("never finds a document hidden from the patient", async () => {
    await expectNotFound(setDocumentMasked(db.prisma, alice, aliceHiddenDocId, true));
  });
});

describe("patient commands", () => {
  it("masks then unmasks, tracing both in the record's chain", async () => {
    await setDocumentMasked(db.prisma, alice, aliceDocId, true);
    expect((await db.prisma.document.findUniqueOrThrow({ where: { id: aliceDocId } })).hiddenFromPros).toBe(true);
    await expect(setDocumentMasked(db.prisma, alice, aliceDocId, true)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "CONFLICT");
    await setDocumentMasked(db.prisma, alice, aliceDocId, false);
    const actions = (await db.prisma.trace.findMany({ where: { patientId: alice.patientId }, orderBy: { id: "asc" } })).map((t) => t.action);
    expect(actions).toEqual(["DOCUMENT_MASK", "DOCUMENT_UNMASK"]);
  });

  it("opposes for a legitimate reason, then withdraws: the author loses then regains the document, both traced", async () => {
    const docId = await makeDoc(db.prisma, alice.patientId, { title: "Compte rendu contesté" });
    await db.prisma.patient.update({ where: { id: alice.patientId }, data: { treatingDoctorId: proId } });
    await db.prisma.habilitationRule.create({ data: { profession: "10", specialty: "*", typeCode: "11488-4", canRead: true } });
    const doctor: TProfessionalActor = { kind: "PROFESSIONAL", professionalId: proId, name: "Paul Médecin", profession: "10", specialty: "SM53", isSamuRegulator: false };
    const doctorReads = async () => {
      const ctx = await loadAccessContext(db.prisma, doctor, alice.patientId);
      const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: docId } });
      return ctx ? canRead(doctor, doc, ctx) : null;
    };
    expect((await doctorReads())?.allowed).toBe(true);

    await expect(opposeDocument(db.prisma, alice, docId, "court")).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "INVALID_INPUT");
    await expect(withdrawOpposition(db.prisma, alice, docId)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "CONFLICT");
    await opposeDocument(db.prisma, alice, docId, "Ce compte rendu concerne un autre patient.");
    expect(await doctorReads()).toMatchObject({ allowed: false, rule: "OPPOSED_BY_PATIENT" });
    await expect(opposeDocument(db.prisma, alice, docId, "Ce compte rendu concerne un autre patient.")).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === "CONFLICT",
    );
    await expectNotFound(withdrawOpposition(db.prisma, bob, docId));

    await withdrawOpposition(db.prisma, alice, docId);
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: docId } });
    expect(doc.opposedAt).toBeNull();
    expect(doc.oppositionReason).toBeNull();
    expect((await doctorReads())?.allowed).toBe(true);
    const traces = await db.prisma.trace.findMany({ where: { patientId: alice.patientId, documentId: docId }, orderBy: { id: "asc" } });
    expect(traces.map((t) => [t.action, t.justification])).toEqual([
      ["DOCUMENT_OPPOSE", "Ce compte rendu concerne un autre patient."],
      ["DOCUMENT_OPPOSE_WITHDRAW", null],
    ]);
    await db.prisma.patient.update({ where: { id: alice.patientId }, data: { treatingDoctorId: null } });
  });

  it("refuses an oversized or disguised file and stores nothing", async () => {
    const before = await db.prisma.document.count({ where: { patientId: alice.patientId } });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7"));
    const meta = { title: "Mon scan", typeCode: "DOCPAT04", serviceDate: "2026-01-02" };
    await expect(addPersonalDocument(db.prisma, alice, { ...meta, bytes: big, declaredType: "application/pdf" })).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === "TOO_LARGE",
    );
    await expect(addPersonalDocument(db.prisma, alice, { ...meta, bytes: new Uint8Array([0x4d, 0x5a, 0, 1]), declaredType: "application/pdf" })).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(await db.prisma.document.count({ where: { patientId: alice.patientId } })).toBe(before);
    const added = await addPersonalDocument(db.prisma, alice, { ...meta, bytes: new TextEncoder().encode("Mes notes"), declaredType: "text/plain" });
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: added.documentId } });
    expect(doc).toMatchObject({ source: "PATIENT", mediaType: "text/plain", classCode: "90", authorAccountId: alice.accountId });
    await deletePersonalDocument(db.prisma, alice, added.documentId);
    expect(await db.prisma.document.findUnique({ where: { id: added.documentId } })).toBeNull();
  });

  it("hides from the patient's history the traces about a document hidden from them", async () => {
    await db.prisma.trace.create({
      data: { patientId: alice.patientId, actorKind: "PROFESSIONAL", actorId: proId, actorName: "Dr Paul Médecin", action: "DOCUMENT_READ", documentId: aliceHiddenDocId, prevHash: "p", hash: `h-${Math.random()}` },
    });
    const { ctx } = await openRecord(db.prisma, alice, alice.patientId);
    const page = await findTraces(db.prisma, alice, ctx, parseTraceFilters({}));
    expect(page.items.some((t) => t.action === "DOCUMENT_READ")).toBe(false);
  });

  it("blocks a professional, and a closed record refuses further changes", async () => {
    await blockProfessional(db.prisma, alice, proId);
    expect(await db.prisma.patientBlock.count({ where: { patientId: alice.patientId, professionalId: proId } })).toBe(1);
    const { deletionPlannedAt } = await closeRecord(db.prisma, alice, { confirmation: "fermer mon dmp" });
    expect(deletionPlannedAt.getUTCFullYear()).toBe(new Date().getUTCFullYear() + 10);
    await expect(setDocumentMasked(db.prisma, alice, aliceDocId, true)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "RECORD_CLOSED");
    await expect(closeRecord(db.prisma, bob, { confirmation: "oui" })).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "INVALID_INPUT");
  });
});
