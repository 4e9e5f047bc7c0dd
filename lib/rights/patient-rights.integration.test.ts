import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import type { TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import { SOURCE_OPPOSED_MESSAGE } from "@/lib/access/feed-rules";
import { submitHospitalLetter, type THospitalLetterInput } from "@/lib/feed/submit-hospital-letter";
import { addDocument } from "@/lib/documents/add-document";
import { addFeedOpposition, findFeedOppositions, withdrawFeedOpposition } from "./feed-opposition";
import { answerRectification, findRectificationsForPatient, requestRectification } from "./rectification";
import { findRecordCopyRequestsForOperator, markRecordCopySent, requestRecordCopyByMail } from "./record-copy-by-mail";

let db: TTestDatabase;
const ids = {} as Record<"hospital" | "doctor" | "secretary" | "other" | "patient" | "sp" | "operator", string>;
const nir = buildNir({ sex: "F", birthDate: "1971-04-02", place: "75056", order: 12 });
let patient: TPatientActor;
let doctor: TProfessionalActor;

beforeAll(async () => {
  db = await createTestDatabase({ name: "patient-rights" });
  const p = db.prisma;
  ids.hospital = (await p.structure.create({ data: { finess: "750000027", name: "Hôpital des droits", kind: "HOSPITAL", city: "Paris", department: "75" } })).id;
  ids.doctor = (await p.professional.create({ data: { idNat: "810000000037", rpps: "10000000037", firstName: "Marc", lastName: "Auteur", title: "Dr", profession: "10", specialty: "SM04", structureId: ids.hospital } })).id;
  ids.secretary = (await p.professional.create({ data: { idNat: "3750000027/SEC1", firstName: "Sandrine", lastName: "Secrétaire", kind: "STAFF", structureId: ids.hospital } })).id;
  ids.other = (await p.professional.create({ data: { idNat: "810000000045", firstName: "Inès", lastName: "Autre", profession: "60" } })).id;
  ids.operator = (await p.professional.create({ data: { idNat: "810000000052", firstName: "Olga", lastName: "Opératrice", profession: "10", isOperator: true } })).id;
  ids.patient = (await p.patient.create({ data: { nir, birthDate: "1971-04-02", birthRank: 1, firstName: "Rose", lastName: "Droit", sex: "F", department: "75" } })).id;
  ids.sp = (await p.structurePatient.create({ data: { structureId: ids.hospital, localId: "IPP-R1", firstName: "Rose", lastName: "Droit", sex: "F", birthRank: 1, nir, birthDate: "1971-04-02" } })).id;
  patient = { kind: "PATIENT", accountId: "acc-rose", patientId: ids.patient, name: "Rose Droit" };
  doctor = { kind: "PROFESSIONAL", professionalId: ids.doctor, name: "Dr Marc Auteur", profession: "10", specialty: "SM04", isSamuRegulator: false };
});

afterAll(async () => {
  await db?.cleanup();
});

const letter = (title: string): THospitalLetterInput => ({
  structurePatientId: ids.sp,
  templateId: "crh",
  title,
  body: "Hospitalisation. Évolution favorable.",
  authorId: ids.doctor,
  serviceDate: "2026-01-15",
  masking: "NONE",
  sendToDmp: true,
});

describe("opposition to a source feeding the record (FEED_OPPOSITION)", () => {
  it("an unknown or malformed number changes nothing", async () => {
    await expect(addFeedOpposition(db.prisma, patient, "12345678901")).rejects.toMatchObject({ code: "NOT_FOUND", userMessage: "Aucun professionnel ni établissement ne correspond à ce numéro." });
    await expect(addFeedOpposition(db.prisma, patient, "abc")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.prisma.feedOpposition.count()).toBe(0);
  });

  it("the feed refuses the author the patient opposed, with a clear outcome, and feeds again once withdrawn", async () => {
    expect(await addFeedOpposition(db.prisma, patient, "10000000037")).toEqual({ label: "Dr Marc Auteur" });
    const refused = await submitHospitalLetter(db.prisma, ids.secretary, letter("Compte rendu refusé"));
    expect(refused).toMatchObject({ sent: true, outcome: "REJECTED", message: SOURCE_OPPOSED_MESSAGE });
    expect(await db.prisma.document.count({ where: { patientId: ids.patient } })).toBe(0);
    expect(await db.prisma.feedSubmission.findFirst({ where: { outcome: "REJECTED" }, orderBy: { id: "desc" } })).toMatchObject({ detail: SOURCE_OPPOSED_MESSAGE });
    expect(await db.prisma.trace.count({ where: { patientId: ids.patient, action: "FEED_OPPOSITION_ADD" } })).toBe(1);

    const [opposition] = await findFeedOppositions(db.prisma, patient);
    await withdrawFeedOpposition(db.prisma, patient, opposition!.id);
    expect(await submitHospitalLetter(db.prisma, ids.secretary, letter("Compte rendu accepté"))).toMatchObject({ sent: true, outcome: "FED_OK" });
  });

  it("an establishment opposed by its FINESS feeds nothing", async () => {
    await addFeedOpposition(db.prisma, patient, "750000027");
    expect(await submitHospitalLetter(db.prisma, ids.secretary, letter("Autre compte rendu"))).toMatchObject({ outcome: "REJECTED", message: SOURCE_OPPOSED_MESSAGE });
    const [opposition] = await findFeedOppositions(db.prisma, patient);
    await withdrawFeedOpposition(db.prisma, patient, opposition!.id);
  });
});

describe("opposition to a professional adding documents from the portal (FEED_OPPOSITION)", () => {
  it("the opposed professional's document is refused with the feed's message and nothing is written; accepted once withdrawn", async () => {
    await db.prisma.professionalAuthorization.create({ data: { patientId: ids.patient, professionalId: ids.doctor, consentAt: new Date(), recordedById: ids.doctor } });
    const today = new Date().toISOString().slice(0, 10);
    const add = (title: string) => addDocument(db.prisma, doctor, ids.patient, { typeCode: "11488-4", title, serviceDate: today, masking: [] }, { kind: "text", text: "Consultation." });
    const documentsBefore = await db.prisma.document.count({ where: { patientId: ids.patient } });
    const tracesBefore = await db.prisma.trace.count({ where: { patientId: ids.patient, action: "DOCUMENT_ADD" } });
    await addFeedOpposition(db.prisma, patient, "10000000037");
    await expect(add("Consultation refusée")).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: SOURCE_OPPOSED_MESSAGE });
    // Its establishment opposed instead: the same refusal.
    const [byAuthor] = await findFeedOppositions(db.prisma, patient);
    await withdrawFeedOpposition(db.prisma, patient, byAuthor!.id);
    await addFeedOpposition(db.prisma, patient, "750000027");
    await expect(add("Consultation refusée aussi")).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: SOURCE_OPPOSED_MESSAGE });
    expect(await db.prisma.document.count({ where: { patientId: ids.patient } })).toBe(documentsBefore);
    expect(await db.prisma.trace.count({ where: { patientId: ids.patient, action: "DOCUMENT_ADD" } })).toBe(tracesBefore);

    const [byStructure] = await findFeedOppositions(db.prisma, patient);
    await withdrawFeedOpposition(db.prisma, patient, byStructure!.id);
    await expect(add("Consultation acceptée")).resolves.toMatchObject({ documentId: expect.any(String) });
  });
});

describe("rectification (RECTIFICATION_REQUEST / RECTIFICATION_ANSWER)", () => {
  it("asks the author, who answers; both sides traced, the patient notified", async () => {
    const doc = await db.prisma.document.findFirstOrThrow({ where: { patientId: ids.patient, title: "Compte rendu accepté" } });
    await expect(requestRectification(db.prisma, patient, { documentId: doc.id, text: "" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.prisma.rectificationRequest.count()).toBe(0);

    const asked = await requestRectification(db.prisma, patient, { documentId: doc.id, text: "Mon allergie à la pénicilline n'est pas mentionnée." });
    expect(asked).toMatchObject({ documentTitle: "Compte rendu accepté" });
    await expect(requestRectification(db.prisma, patient, { documentId: doc.id, text: "Une seconde demande identique." })).rejects.toMatchObject({ code: "CONFLICT" });

    const other: TProfessionalActor = { ...doctor, professionalId: ids.other, name: "Inès Autre" };
    await expect(answerRectification(db.prisma, other, { requestId: asked.requestId, kind: "REFUSED", answer: "Pas d'accord." })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(answerRectification(db.prisma, doctor, { requestId: asked.requestId, kind: "REFUSED", answer: "" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(answerRectification(db.prisma, doctor, { requestId: asked.requestId, kind: "REPLACED", answer: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await answerRectification(db.prisma, doctor, { requestId: asked.requestId, kind: "CORRECTED", answer: "Allergie ajoutée à la synthèse." })).toEqual({ status: "CORRECTED" });
    await expect(answerRectification(db.prisma, doctor, { requestId: asked.requestId, kind: "REFUSED", answer: "Trop tard." })).rejects.toMatchObject({ code: "CONFLICT" });

    const [mine] = await findRectificationsForPatient(db.prisma, patient);
    expect(mine).toMatchObject({ status: "CORRECTED", answer: "Allergie ajoutée à la synthèse." });
    const traces = await db.prisma.trace.findMany({ where: { patientId: ids.patient, action: { in: ["RECTIFICATION_REQUEST", "RECTIFICATION_ANSWER"] } }, orderBy: { id: "asc" } });
    expect(traces.map((t) => [t.action, t.actorKind])).toEqual([["RECTIFICATION_REQUEST", "PATIENT"], ["RECTIFICATION_ANSWER", "PROFESSIONAL"]]);
    expect(await db.prisma.notification.findFirst({ where: { patientId: ids.patient, kind: "PATIENT_RIGHTS" } })).toMatchObject({ title: "Réponse à votre demande de rectification" });
  });

  it("a document hidden from the patient cannot be asked about: as unknown", async () => {
    const doc = await db.prisma.document.findFirstOrThrow({ where: { patientId: ids.patient, title: "Compte rendu accepté" } });
    await db.prisma.document.update({ where: { id: doc.id }, data: { hiddenFromPatient: true } });
    await expect(requestRectification(db.prisma, patient, { documentId: doc.id, text: "Une information inexacte ici." })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findRectificationsForPatient(db.prisma, patient)).toEqual([]);
    await db.prisma.document.update({ where: { id: doc.id }, data: { hiddenFromPatient: false } });
  });
});

describe("copy of the record by registered mail (handled by the operator)", () => {
  it("is asked by the patient and sent by the operator only", async () => {
    await expect(requestRecordCopyByMail(db.prisma, patient, { recipient: "Rose Droit", street: "1 rue de la Paix", postalCode: "7500", city: "Paris" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const { requestId } = await requestRecordCopyByMail(db.prisma, patient, { recipient: "Rose Droit", street: "1 rue de la Paix", postalCode: "75002", city: "Paris" });
    await expect(findRecordCopyRequestsForOperator(db.prisma, doctor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const operator = { ...doctor, professionalId: ids.operator, name: "Olga Opératrice", isOperator: true };
    expect((await findRecordCopyRequestsForOperator(db.prisma, operator)).map((r) => r.id)).toEqual([requestId]);
    await expect(markRecordCopySent(db.prisma, operator, { requestId, trackingNumber: "??" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await markRecordCopySent(db.prisma, operator, { requestId, trackingNumber: "1a12345678901" });
    expect(await db.prisma.recordCopyRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "SENT", trackingNumber: "1A12345678901", handledByOperatorId: ids.operator });
    expect(await db.prisma.trace.count({ where: { patientId: ids.patient, action: { in: ["RECORD_COPY_MAIL_REQUEST", "RECORD_COPY_MAIL_SENT"] } } })).toBe(2);
  });
});
