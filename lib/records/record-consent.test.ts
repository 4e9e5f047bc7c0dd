import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "@/lib/access/actor";
import { addDocument } from "@/lib/documents/add-document";
import { revealDocument } from "@/lib/documents/reveal-document";
import { recordConsent } from "./record-consent";

let db: TTestDatabase;
let patientId: string;
let n = 0;

async function professional(profession: string, specialty: string | null): Promise<TProfessionalActor> {
  n += 1;
  const p = await db.prisma.professional.create({
    data: { idNat: `8100000000${n}`, firstName: "Test", lastName: `Pro${n}`, profession, specialty },
  });
  return { kind: "PROFESSIONAL", professionalId: p.id, name: `Test Pro${n}`, profession, specialty, isSamuRegulator: false };
}

const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  db = await createTestDatabase({ name: "consent" });
  const patient = await db.prisma.patient.create({
    data: { nir: "180017505600103", birthDate: "1980-01-01", firstName: "Paul", lastName: "Essai", sex: "M", department: "75" },
  });
  patientId = patient.id;
  await db.prisma.habilitationRule.createMany({
    data: [
      { profession: "10", specialty: "*", typeCode: "11488-4", canRead: true },
      { profession: "40", specialty: "*", typeCode: "11488-4", canRead: false },
    ],
  });
});

afterAll(async () => {
  await db.cleanup();
});

describe("recordConsent", () => {
  it("records the authorization, the trace and the first-consultation notification", async () => {
    const doctor = await professional("10", "SM04");
    expect(await recordConsent(db.prisma, doctor, patientId, { hasConsent: true, consentDate: today })).toEqual({ isNew: true });
    expect(await db.prisma.professionalAuthorization.count({ where: { patientId, professionalId: doctor.professionalId, method: "CONSENT" } })).toBe(1);
    const trace = await db.prisma.trace.findFirst({ where: { patientId, actorId: doctor.professionalId, action: "AUTHORIZATION_GRANT" } });
    expect(trace?.outcome).toBe("ALLOWED");
    expect(await db.prisma.notification.count({ where: { patientId, kind: "FIRST_CONSULTATION" } })).toBe(1);
    // A second declaration changes nothing and notifies nobody.
    expect(await recordConsent(db.prisma, doctor, patientId, { hasConsent: true, consentDate: today })).toEqual({ isNew: false });
    expect(await db.prisma.notification.count({ where: { patientId, kind: "FIRST_CONSULTATION" } })).toBe(1);
  });

  it("refuses a blocked professional like an unknown record, and traces the refusal", async () => {
    const blocked = await professional("10", null);
    await db.prisma.patientBlock.create({ data: { patientId, professionalId: blocked.professionalId } });
    await expect(recordConsent(db.prisma, blocked, patientId, { hasConsent: true, consentDate: today })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.professionalAuthorization.count({ where: { professionalId: blocked.professionalId } })).toBe(0);
    const trace = await db.prisma.trace.findFirst({ where: { actorId: blocked.professionalId } });
    expect(trace).toMatchObject({ action: "AUTHORIZATION_GRANT", outcome: "REFUSED" });
  });

  it("refuses a consent dated in the future", async () => {
    const doctor = await professional("10", null);
    await expect(recordConsent(db.prisma, doctor, patientId, { hasConsent: true, consentDate: "2999-01-01" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("addDocument and revealDocument", () => {
  it("does not notify a document invisible to the patient, notifies when it is revealed", async () => {
    const doctor = await professional("10", "SM54");
    await recordConsent(db.prisma, doctor, patientId, { hasConsent: true, consentDate: today });
    const before = await db.prisma.notification.count({ where: { patientId } });
    const { documentId } = await addDocument(
      db.prisma,
      doctor,
      patientId,
      { typeCode: "11488-4", title: "Résultat à annoncer", serviceDate: today, masking: ["INVISIBLE_PATIENT"] },
      { kind: "text", text: "Compte rendu." },
    );
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(doc).toMatchObject({ hiddenFromPatient: true, hiddenFromPros: false, authorId: doctor.professionalId, mediaType: "text/plain", classCode: "10" });
    expect(await db.prisma.notification.count({ where: { patientId } })).toBe(before);
    expect(await db.prisma.trace.count({ where: { documentId, action: "DOCUMENT_ADD" } })).toBe(1);

    await revealDocument(db.prisma, doctor, patientId, documentId);
    expect((await db.prisma.document.findUniqueOrThrow({ where: { id: documentId } })).hiddenFromPatient).toBe(false);
    expect(await db.prisma.notification.count({ where: { patientId, kind: "DOCUMENT_REVEALED" } })).toBe(1);
    await expect(revealDocument(db.prisma, doctor, patientId, documentId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("notifies a normal document and refuses a type the profession may not author, or a non-PDF file", async () => {
    const doctor = await professional("10", null);
    await recordConsent(db.prisma, doctor, patientId, { hasConsent: true, consentDate: today });
    await addDocument(db.prisma, doctor, patientId, { typeCode: "11488-4", title: "Consultation", serviceDate: today, masking: [] }, { kind: "text", text: "Texte" });
    expect(await db.prisma.notification.count({ where: { patientId, kind: "NEW_DOCUMENT" } })).toBe(1);
    await expect(
      addDocument(db.prisma, doctor, patientId, { typeCode: "REMB", title: "Remboursements", serviceDate: today, masking: [] }, { kind: "text", text: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    await expect(
      addDocument(db.prisma, doctor, patientId, { typeCode: "11488-4", title: "Image", serviceDate: today, masking: [] }, { kind: "file", bytes: png, declaredType: "image/png" }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("refuses a professional without authorization, and traces the refusal", async () => {
    const stranger = await professional("10", null);
    await expect(
      addDocument(db.prisma, stranger, patientId, { typeCode: "11488-4", title: "Intrus", serviceDate: today, masking: [] }, { kind: "text", text: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.trace.findFirst({ where: { actorId: stranger.professionalId } })).toMatchObject({ action: "DOCUMENT_ADD", outcome: "REFUSED" });
    expect(await db.prisma.document.count({ where: { title: "Intrus" } })).toBe(0);
  });
});
