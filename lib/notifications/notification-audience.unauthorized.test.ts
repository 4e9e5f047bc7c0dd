/**
 * Who on the patient side hears of a document: the notification audience rule applied at
 * every place a document is announced (portal, feed/API, reveal, new version), through
 * the portal list, the unread count, and the e-mail/SMS outbox, on a real database.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TLegalRepresentativeActor, TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import type { TMaskingCode } from "@/lib/reference/masking";
import type { TMail } from "@/lib/mail/send-mail";
import { buildNir } from "@/lib/identity/nir";
import { buildProvideBundle } from "@/lib/fhir/build-provide-bundle";
import { ingestBundle } from "@/lib/feed/ingest-bundle";
import { addDocument } from "@/lib/documents/add-document";
import { replaceDocument } from "@/lib/documents/replace-document";
import { revealDocument } from "@/lib/documents/reveal-document";
import { openRecord } from "@/lib/record-door/open-record";
import { getRecordOverview } from "@/lib/records/get-record-overview";
import { deliverPendingNotifications } from "./deliver-notifications";
import { findNotifications } from "./find-notifications";

let db: TTestDatabase;
let patientId: string;
let doctor: TProfessionalActor;
let hospital: { id: string; finess: string; doctorIdNat: string; doctorId: string };
let holder: TPatientActor;
let mother: TLegalRepresentativeActor;
let father: TLegalRepresentativeActor;
const nir = buildNir({ sex: "M", birthDate: "2014-03-02", place: "75056", order: 17 });
const today = new Date().toISOString().slice(0, 10);
const HOLDER_MAIL = "leo@exemple.fr";
const REPRESENTATIVE_MAILS = ["anne@exemple.fr", "marc@exemple.fr"];

beforeAll(async () => {
  db = await createTestDatabase({ name: "notification-audience" });
  const p = db.prisma;
  const structure = await p.structure.create({ data: { finess: "750000019", name: "Hôpital test", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const hospitalDoctor = await p.professional.create({
    data: { idNat: "810000000011", firstName: "Marc", lastName: "Hospitalier", title: "Dr", profession: "10", specialty: "SM04", structureId: structure.id },
  });
  hospital = { id: structure.id, finess: structure.finess, doctorIdNat: hospitalDoctor.idNat, doctorId: hospitalDoctor.id };
  const gp = await p.professional.create({ data: { idNat: "810000000029", firstName: "Claire", lastName: "Généraliste", profession: "10", specialty: "SM54" } });
  doctor = { kind: "PROFESSIONAL", professionalId: gp.id, name: "Dr Claire Généraliste", profession: "10", specialty: "SM54", isSamuRegulator: false };
  // A minor with an account and an address of their own, and two legal representatives.
  patientId = (
    await p.patient.create({
      data: { nir, birthDate: "2014-03-02", firstName: "Léo", lastName: "Martin", sex: "M", department: "75", email: HOLDER_MAIL, notifyByEmail: true, treatingDoctorId: gp.id },
    })
  ).id;
  const own = await p.account.create({ data: { loginId: "leo", passwordHash: "x", firstName: "Léo", lastName: "Martin", patientId } });
  holder = { kind: "PATIENT", accountId: own.id, patientId, name: "Léo Martin" };
  const anne = await p.account.create({ data: { loginId: "anne", passwordHash: "x", firstName: "Anne", lastName: "Martin", email: REPRESENTATIVE_MAILS[0] } });
  const marc = await p.account.create({ data: { loginId: "marc", passwordHash: "x", firstName: "Marc", lastName: "Martin", email: REPRESENTATIVE_MAILS[1] } });
  await p.legalRepresentation.createMany({
    data: [
      { accountId: anne.id, patientId, relationship: "Mère" },
      { accountId: marc.id, patientId, relationship: "Père" },
    ],
  });
  mother = { kind: "LEGAL_REPRESENTATIVE", accountId: anne.id, patientId, name: "Anne Martin" };
  father = { kind: "LEGAL_REPRESENTATIVE", accountId: marc.id, patientId, name: "Marc Martin" };
  await p.habilitationRule.create({ data: { profession: "10", specialty: "*", typeCode: "11488-4", canRead: true } });
});

afterAll(async () => {
  await db?.cleanup();
});

// Each test starts from an empty outbox and an empty portal.
beforeEach(async () => {
  await db.prisma.notification.deleteMany({});
});

/** Everything a reader could learn from notifications: their portal list, their unread count, and the mail they receive. */
async function heardBy(actor: TPatientActor | TLegalRepresentativeActor, mails: TMail[]) {
  const list = await findNotifications(db.prisma, actor);
  const { ctx } = await openRecord(db.prisma, actor, patientId);
  const overview = await getRecordOverview(db.prisma, actor, ctx);
  const to = actor.kind === "PATIENT" ? [HOLDER_MAIL] : [actor === mother ? REPRESENTATIVE_MAILS[0] : REPRESENTATIVE_MAILS[1]];
  return {
    portal: list.items.map((n) => `${n.title} | ${n.body}`),
    total: list.total,
    unread: overview.unreadNotifications,
    mail: mails.filter((m) => to.includes(m.to)).map((m) => `${m.subject} | ${m.text}`),
  };
}

async function deliver(): Promise<TMail[]> {
  const sent: TMail[] = [];
  await deliverPendingNotifications({ db: db.prisma, sendMail: async (mail) => void sent.push(mail) });
  return sent;
}

function addByPortal(title: string, masking: TMaskingCode[]) {
  return addDocument(db.prisma, doctor, patientId, { typeCode: "11488-4", title, serviceDate: today, masking }, { kind: "text", text: `${title} : texte.` });
}

async function feed(title: string, masking: { hiddenFromPatient?: boolean; hiddenFromLegalReps?: boolean }, replacesUniqueId?: string) {
  const uniqueId = `urn:uuid:${randomUUID()}`;
  const bundle = buildProvideBundle(
    [
      {
        uniqueId,
        patient: { nir, birthDate: "2014-03-02", birthRank: 1 },
        typeCode: "11488-4",
        title,
        authorIdNat: hospital.doctorIdNat,
        custodianFiness: hospital.finess,
        masking,
        serviceDate: today,
        content: { bytes: new TextEncoder().encode(`${title} : texte.`), contentType: "text/plain" },
        replacesUniqueId,
      },
    ],
    { sourceFiness: hospital.finess },
  );
  const result = await ingestBundle(db.prisma, { mode: "INDIRECT", structureId: hospital.id, professionalId: hospital.doctorId }, bundle);
  expect(result.ok).toBe(true);
  return uniqueId;
}

const NOTHING = { portal: [], total: 0, unread: 0, mail: [] };

describe("unauthorized access: a document hidden from the legal representatives is never announced to them", () => {
  it("added through the professional portal: the minor is told, neither representative sees it in the portal, the count or their mail", async () => {
    await addByPortal("Consultation de contraception", ["INVISIBLE_REPRESENTANTS_LEGAUX"]);
    const mails = await deliver();
    expect(await heardBy(mother, mails)).toEqual(NOTHING);
    expect(await heardBy(father, mails)).toEqual(NOTHING);
    const minor = await heardBy(holder, mails);
    expect(minor.portal).toEqual(["Un nouveau document a été ajouté à votre DMP | Dr Claire Généraliste a ajouté « Consultation de contraception » (Compte rendu ou fiche de consultation ou de visite)."]);
    expect(minor.mail).toHaveLength(1);
    expect(mails.map((m) => m.to)).toEqual([HOLDER_MAIL]);
  });

  it("fed by a hospital (API / hospital simulator): the representatives get no notification and no mail", async () => {
    await feed("Interruption de grossesse", { hiddenFromLegalReps: true });
    const mails = await deliver();
    expect(await heardBy(mother, mails)).toEqual(NOTHING);
    expect(await heardBy(father, mails)).toEqual(NOTHING);
    expect((await heardBy(holder, mails)).portal.join()).toContain("Interruption de grossesse");
    expect(mails.map((m) => m.to)).toEqual([HOLDER_MAIL]);
  });

  it("a document both may see is still announced to the minor and to every representative", async () => {
    await addByPortal("Vaccination", []);
    const mails = await deliver();
    expect(mails.map((m) => m.to).sort()).toEqual([...REPRESENTATIVE_MAILS, HOLDER_MAIL].sort());
    expect((await heardBy(father, mails)).total).toBe(1);
  });
});

describe("unauthorized access: a document invisible to the patient is announced to nobody on the patient side", () => {
  it("neither through the portal nor through the feed", async () => {
    await addByPortal("Résultat en attente d'annonce", ["INVISIBLE_PATIENT"]);
    await feed("Anatomopathologie en attente d'annonce", { hiddenFromPatient: true });
    const mails = await deliver();
    expect(mails).toEqual([]);
    for (const reader of [holder, mother, father]) expect(await heardBy(reader, mails)).toEqual(NOTHING);
  });
});

describe("unauthorized access: a reveal after the announcement consultation is announced per audience", () => {
  it("a document also hidden from the representatives is revealed to the minor only", async () => {
    const { documentId } = await addByPortal("Annonce diagnostique", ["INVISIBLE_PATIENT", "INVISIBLE_REPRESENTANTS_LEGAUX"]);
    await revealDocument(db.prisma, doctor, patientId, documentId);
    const mails = await deliver();
    expect((await heardBy(holder, mails)).portal.join()).toContain("Annonce diagnostique");
    expect(await heardBy(mother, mails)).toEqual(NOTHING);
    expect(await heardBy(father, mails)).toEqual(NOTHING);
  });
});

describe("unauthorized access: a new version never reveals a version the reader could not see", () => {
  it("portal: the representatives are told of a new document, without the hidden old title; the minor of the new version", async () => {
    const { documentId } = await addByPortal("Suivi IST confidentiel", ["INVISIBLE_REPRESENTANTS_LEGAUX"]);
    await db.prisma.notification.deleteMany({});
    await replaceDocument(db.prisma, doctor, patientId, documentId, { typeCode: "11488-4", title: "Bilan de santé", serviceDate: today, masking: [] }, { kind: "text", text: "Bilan." });
    const mails = await deliver();
    for (const reader of [mother, father]) {
      const heard = await heardBy(reader, mails);
      expect(heard.portal).toEqual(["Un nouveau document a été ajouté à votre DMP | Dr Claire Généraliste a ajouté « Bilan de santé » (Compte rendu ou fiche de consultation ou de visite)."]);
      expect(heard.mail.join()).not.toContain("IST");
      expect(heard.mail).toHaveLength(1);
    }
    expect((await heardBy(holder, mails)).portal.join()).toContain("Dr Claire Généraliste a mis à jour « Bilan de santé » (Compte rendu ou fiche de consultation ou de visite).");
  });

  it("feed: a representative is not told that a hidden document was updated", async () => {
    const first = await feed("Consultation confidentielle", { hiddenFromLegalReps: true });
    await db.prisma.notification.deleteMany({});
    await feed("Certificat de sport", {}, first);
    const mails = await deliver();
    const heard = await heardBy(mother, mails);
    expect(heard.portal).toHaveLength(1);
    expect(heard.portal.join()).not.toContain("mis à jour");
    expect((await heardBy(holder, mails)).portal.join()).toContain("mis à jour « Certificat de sport »");
  });

  it("a new version hidden from the representatives is not announced to them at all", async () => {
    const { documentId } = await addByPortal("Consultation", []);
    await db.prisma.notification.deleteMany({});
    await replaceDocument(db.prisma, doctor, patientId, documentId, { typeCode: "11488-4", title: "Consultation (IVG)", serviceDate: today, masking: ["INVISIBLE_REPRESENTANTS_LEGAUX"] }, { kind: "text", text: "x" });
    const mails = await deliver();
    expect(await heardBy(mother, mails)).toEqual(NOTHING);
    expect((await heardBy(holder, mails)).total).toBe(1);
  });
});
