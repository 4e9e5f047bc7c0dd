/**
 * Who may feed and replace over the real ITI-65 API (node:http serving the same handlers
 * as app/api): the author is the card holder in direct mode, a health professional of the
 * structure allowed the type in indirect mode; replacement follows lib/access's rule; a
 * blocked professional is told "no record"; a changed resend is a 409.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { openCard } from "@/lib/testing/open-card";
import { issueCard } from "@/lib/pki/issue-card";
import { issueStructureCertificate } from "@/lib/pki/issue-structure-certificate";
import { importEcPrivateKey, signClientAssertion } from "@/lib/oauth/sign-client-assertion";
import { buildProvideBundle, type TBundleDocumentInput } from "./build-provide-bundle";
import { PROFESSIONAL_HEADER } from "./constants";
import { serveFetchHandler } from "./http/node-adapter";
import { routeApiRequest } from "./http/router";

process.env.NEXTAUTH_SECRET ??= "secret-de-test-api-fhir-0123456789abcdef";

const HOSPITAL_FINESS = "750000019";
const CLINIC_FINESS = "920000014";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const OTHER_PDF = new TextEncoder().encode("%PDF-1.4\n2 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let db: TTestDatabase;
let origin: string;
let close: () => Promise<void>;
const ids = {} as Record<"hospital" | "clinic" | "doctor" | "colleague" | "nurse" | "secretary" | "clinicDoctor" | "jeanne" | "blocking", string>;
const idNats = {
  doctor: "810000000011",
  colleague: "810000000060",
  nurse: "810000000078",
  secretary: `3${HOSPITAL_FINESS}/SEC1`,
  clinicDoctor: "810000000086",
};
const jeanne = { nir: buildNir({ sex: "F", birthDate: "1980-03-15", place: "75056", order: 12 }), birthDate: "1980-03-15", birthRank: 1 };
const blocking = { nir: buildNir({ sex: "M", birthDate: "1968-11-04", place: "75056", order: 31 }), birthDate: "1968-11-04", birthRank: 1 };
const unknown = { nir: buildNir({ sex: "M", birthDate: "1990-01-01", place: "13055", order: 3 }), birthDate: "1990-01-01", birthRank: 1 };
const tokens = {} as Record<"hospital" | "clinic" | "doctorCard" | "nurseCard" | "colleagueCard", string>;

async function tokenFor(signer: { key: CryptoKey; certificatePem: string; pinTicket?: string }): Promise<string> {
  const assertion = await signClientAssertion({ key: signer.key, chainPem: [signer.certificatePem], tokenUrl: `${origin}/api/oauth/token`, pinTicket: signer.pinTicket });
  const response = await fetch(`${origin}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion }).toString(),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function cardToken(professionalId: string): Promise<string> {
  const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
  // The platform checks the PIN first: its nonce is the ticket a card's assertion must carry.
  const { key, nonce } = await openCard(db.prisma, card.file, "1234");
  return tokenFor({ key, certificatePem: card.file.certificatePem, pinTicket: nonce });
}

function doc(overrides: Partial<TBundleDocumentInput> = {}): TBundleDocumentInput {
  return {
    uniqueId: `1.2.250.1.213.1.1.9.98.${Math.floor(Math.random() * 1e9)}`,
    patient: { ...jeanne },
    typeCode: "34112-3",
    title: "Compte rendu d'hospitalisation",
    authorIdNat: idNats.doctor,
    custodianFiness: HOSPITAL_FINESS,
    serviceDate: "2026-01-10",
    content: { bytes: PDF, contentType: "application/pdf" },
    ...overrides,
  };
}

type TOutcome = { resourceType: string; issue: { code: string; diagnostics: string; details?: { coding?: { code: string }[] } }[] };

/** POSTs one bundle; returns the status and the body (an OperationOutcome when refused). */
async function feed(token: string, input: TBundleDocumentInput | TBundleDocumentInput[], headers: Record<string, string> = {}): Promise<{ status: number; body: TOutcome }> {
  const docs = Array.isArray(input) ? input : [input];
  const finess = docs[0]?.custodianFiness ?? HOSPITAL_FINESS;
  const response = await fetch(`${origin}/api/fhir`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json", ...headers },
    body: JSON.stringify(buildProvideBundle(docs, { sourceFiness: finess })),
  });
  return { status: response.status, body: (await response.json()) as TOutcome };
}

/** What a refusal tells the caller: status, issue code, outcome code and message (the given identifiers, which differ by request, masked). */
function answerOf(result: { status: number; body: TOutcome }, ...identifiers: string[]) {
  const issue = result.body.issue?.[0];
  const diagnostics = identifiers.reduce((text, id) => text?.replaceAll(id, "ID"), issue?.diagnostics);
  return { status: result.status, code: issue?.code, outcome: issue?.details?.coding?.[0]?.code, diagnostics };
}

async function documentCount(uniqueId: string): Promise<number> {
  return db.prisma.document.count({ where: { uniqueId } });
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "feed-authorship" });
  const p = db.prisma;
  const hospital = await p.structure.create({ data: { finess: HOSPITAL_FINESS, name: "Hôpital de test", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const clinic = await p.structure.create({ data: { finess: CLINIC_FINESS, name: "Clinique de test", kind: "HOSPITAL", city: "Nanterre", department: "92" } });
  ids.hospital = hospital.id;
  ids.clinic = clinic.id;
  const pro = async (idNat: string, lastName: string, profession: string | null, structureId: string, kind: "HEALTH_PROFESSIONAL" | "STAFF" = "HEALTH_PROFESSIONAL") =>
    (await p.professional.create({ data: { idNat, title: kind === "STAFF" ? null : "Dr", firstName: "Test", lastName, profession, specialty: null, structureId, kind } })).id;
  ids.doctor = await pro(idNats.doctor, "Médecin", "10", hospital.id);
  ids.colleague = await pro(idNats.colleague, "Collègue", "10", hospital.id);
  ids.nurse = await pro(idNats.nurse, "Infirmière", "60", hospital.id);
  ids.secretary = await pro(idNats.secretary, "Secrétaire", null, hospital.id, "STAFF");
  ids.clinicDoctor = await pro(idNats.clinicDoctor, "Clinicien", "10", clinic.id);
  const person = { firstName: "Jeanne", lastName: "Test", sex: "F" as const, department: "75" };
  ids.jeanne = (await p.patient.create({ data: { ...person, ...jeanne } })).id;
  ids.blocking = (await p.patient.create({ data: { ...person, firstName: "Bloquant", sex: "M", ...blocking } })).id;
  await p.patientBlock.createMany({ data: [{ patientId: ids.blocking, professionalId: ids.doctor }, { patientId: ids.blocking, professionalId: ids.secretary }] });

  const server = await serveFetchHandler((request) => routeApiRequest({ db: p, now: () => new Date() }, request));
  origin = server.origin;
  close = server.close;
  for (const [name, structureId] of [["hospital", hospital.id], ["clinic", clinic.id]] as const) {
    const certificate = await issueStructureCertificate(p, structureId);
    tokens[name] = await tokenFor({ key: await importEcPrivateKey(certificate.privateKeyPem), certificatePem: certificate.certificatePem });
  }
  tokens.doctorCard = await cardToken(ids.doctor);
  tokens.nurseCard = await cardToken(ids.nurse);
  tokens.colleagueCard = await cardToken(ids.colleague);
});

afterAll(async () => {
  await close?.();
  await db?.cleanup();
});

describe("unauthorized access: who signs a fed document", () => {
  it("a nurse's card cannot publish a document whose author is a doctor", async () => {
    const input = doc({ typeCode: "57833-6", title: "Ordonnance signée à la place du médecin" });
    const answer = answerOf(await feed(tokens.nurseCard, input));
    expect(answer).toMatchObject({ status: 403, code: "forbidden" });
    expect(answer.diagnostics).toMatch(/porteur de la carte/);
    expect(await documentCount(input.uniqueId)).toBe(0);
  });

  it("in indirect mode a declared nurse cannot sign for a doctor, nor a declared doctor for a colleague", async () => {
    for (const [declared, author] of [[idNats.nurse, idNats.doctor], [idNats.doctor, idNats.colleague]] as const) {
      const input = doc({ authorIdNat: author });
      const answer = answerOf(await feed(tokens.hospital, input, { [PROFESSIONAL_HEADER]: declared }));
      expect(answer).toMatchObject({ status: 403, code: "forbidden" });
      expect(answer.diagnostics).toMatch(/en son propre nom/);
      expect(await documentCount(input.uniqueId)).toBe(0);
    }
  });

  it("in indirect mode the author must be of the structure and allowed the type, whoever is declared", async () => {
    const foreign = doc({ authorIdNat: idNats.clinicDoctor });
    expect(answerOf(await feed(tokens.hospital, foreign, { [PROFESSIONAL_HEADER]: idNats.secretary }))).toMatchObject({ status: 403, code: "forbidden" });
    const nurseReport = doc({ authorIdNat: idNats.nurse });
    expect(answerOf(await feed(tokens.hospital, nurseReport, { [PROFESSIONAL_HEADER]: idNats.secretary }))).toMatchObject({ status: 422, code: "business-rule" });
    const foreignDeclared = await feed(tokens.hospital, doc(), { [PROFESSIONAL_HEADER]: idNats.clinicDoctor });
    expect(answerOf(foreignDeclared)).toMatchObject({ status: 403, code: "forbidden" });
    expect(await documentCount(foreign.uniqueId)).toBe(0);
    expect(await documentCount(nurseReport.uniqueId)).toBe(0);
  });

  it("the trace names the secretary who submitted besides the author and the structure", async () => {
    const input = doc({ title: "CRH déposé par le secrétariat" });
    const result = await feed(tokens.hospital, input, { [PROFESSIONAL_HEADER]: idNats.secretary });
    expect(result.status).toBe(200);
    const stored = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: input.uniqueId } });
    expect(stored.authorId).toBe(ids.doctor);
    const trace = await db.prisma.trace.findFirstOrThrow({ where: { documentId: stored.id, action: "FEED_DOCUMENT" } });
    expect(trace).toMatchObject({ actorKind: "PROFESSIONAL", actorId: ids.secretary, actorName: "Test Secrétaire", actorStructure: "Hôpital de test" });
    expect(trace.detail).toMatch(/auteur : Dr Test Médecin/);
  });

  it("without a declared professional the trace names the author as the person who submitted", async () => {
    const input = doc({ title: "CRH envoyé par le logiciel" });
    expect((await feed(tokens.hospital, input)).status).toBe(200);
    const stored = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: input.uniqueId } });
    const trace = await db.prisma.trace.findFirstOrThrow({ where: { documentId: stored.id, action: "FEED_DOCUMENT" } });
    expect(trace).toMatchObject({ actorKind: "PROFESSIONAL", actorId: ids.doctor, actorStructure: "Hôpital de test" });
  });
});

describe("unauthorized access: replacing a fed document", () => {
  it("a structure cannot replace another structure's document: the answer is the one for an unknown document", async () => {
    const original = doc({ title: "CRH de l'hôpital" });
    expect((await feed(tokens.hospital, original)).status).toBe(200);
    const fromClinic = { patient: { ...jeanne }, custodianFiness: CLINIC_FINESS, authorIdNat: idNats.clinicDoctor };
    const across = doc({ ...fromClinic, replacesUniqueId: original.uniqueId });
    const toUnknown = doc({ ...fromClinic, replacesUniqueId: "1.2.250.1.213.1.1.9.98.404" });
    const acrossStructures = answerOf(await feed(tokens.clinic, across), across.uniqueId, original.uniqueId);
    const unknownTarget = answerOf(await feed(tokens.clinic, toUnknown), toUnknown.uniqueId, "1.2.250.1.213.1.1.9.98.404");
    expect(acrossStructures).toMatchObject({ status: 422, code: "not-found" });
    expect(acrossStructures).toEqual(unknownTarget);
    expect(await documentCount(across.uniqueId)).toBe(0);
    expect(await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: original.uniqueId } })).toMatchObject({ status: "ACTIVE" });
  });

  it("a nurse of the structure cannot replace a doctor's report, a doctor colleague can", async () => {
    const original = doc({ title: "CRH à remplacer" });
    expect((await feed(tokens.hospital, original)).status).toBe(200);
    const byNurse = doc({ typeCode: "18776-5", title: "Plan de soins", authorIdNat: idNats.nurse, replacesUniqueId: original.uniqueId });
    expect(answerOf(await feed(tokens.nurseCard, byNurse))).toMatchObject({ status: 422, code: "not-found" });
    expect(await documentCount(byNurse.uniqueId)).toBe(0);
    const byColleague = doc({ title: "CRH corrigé", authorIdNat: idNats.colleague, replacesUniqueId: original.uniqueId });
    expect((await feed(tokens.colleagueCard, byColleague)).status).toBe(200);
    expect(await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: original.uniqueId } })).toMatchObject({ status: "REPLACED" });
  });
});

describe("unauthorized access: a professional the patient blocked", () => {
  it("cannot feed the record by card: the answer is the one for a record that does not exist", async () => {
    const toBlocking = doc({ patient: { ...blocking } });
    const toNobody = doc({ patient: { ...unknown } });
    const blocked = answerOf(await feed(tokens.doctorCard, toBlocking), toBlocking.uniqueId);
    const none = answerOf(await feed(tokens.doctorCard, toNobody), toNobody.uniqueId);
    expect(blocked).toEqual(none);
    expect(blocked).toMatchObject({ status: 404, outcome: "RECORD_NOT_FOUND" });
    expect(await db.prisma.document.count({ where: { patientId: ids.blocking } })).toBe(0);
  });

  it("cannot feed it as the declared submitter nor as the author, and the structure's report says « not found »", async () => {
    const asSubmitter = doc({ patient: { ...blocking }, authorIdNat: idNats.colleague, title: "CRH" });
    expect(answerOf(await feed(tokens.hospital, asSubmitter, { [PROFESSIONAL_HEADER]: idNats.secretary }))).toMatchObject({ status: 404, outcome: "RECORD_NOT_FOUND" });
    const asAuthor = doc({ patient: { ...blocking } });
    expect(answerOf(await feed(tokens.hospital, asAuthor))).toMatchObject({ status: 404, outcome: "RECORD_NOT_FOUND" });
    const rows = await db.prisma.feedSubmission.findMany({ where: { documentUniqueId: { in: [asSubmitter.uniqueId, asAuthor.uniqueId] } } });
    expect(rows.map((r) => [r.outcome, r.patientId])).toEqual([["RECORD_NOT_FOUND", null], ["RECORD_NOT_FOUND", null]]);
    expect(await db.prisma.document.count({ where: { patientId: ids.blocking } })).toBe(0);
    expect(await db.prisma.trace.count({ where: { patientId: ids.blocking } })).toBe(0);
  });

  it("a colleague who is not blocked still feeds the record", async () => {
    expect((await feed(tokens.colleagueCard, doc({ patient: { ...blocking }, authorIdNat: idNats.colleague }))).status).toBe(200);
  });
});

describe("unauthorized access: resending a known document identifier", () => {
  it("an identical resend changes nothing; a different content or metadata is a 409 that keeps the stored version", async () => {
    const input = doc({ title: "CRH version envoyée" });
    expect((await feed(tokens.hospital, input)).status).toBe(200);
    expect((await feed(tokens.hospital, input)).status).toBe(200);
    for (const changed of [{ content: { bytes: OTHER_PDF, contentType: "application/pdf" } }, { title: "CRH retouché" }, { masking: { hiddenFromPros: true } }, { serviceDate: "2026-01-11" }]) {
      const answer = answerOf(await feed(tokens.hospital, { ...input, ...changed }));
      expect(answer).toMatchObject({ status: 409, code: "duplicate" });
      expect(answer.diagnostics).toMatch(/contenu ou des métadonnées différents/);
    }
    const stored = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: input.uniqueId } });
    expect(stored).toMatchObject({ title: "CRH version envoyée", hiddenFromPros: false, size: PDF.length });
  });
});
