/**
 * The FHIR API over real HTTP (node:http serving the same handlers as app/api), driven by
 * a real FHIR client (fhir-kit-client); every resource the server returns is validated
 * against the FHIR R4 base definitions by two validators (lib/testing/fhir-validators).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomUUID } from "node:crypto";
import net from "node:net";
import { Client } from "fhir-kit-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { expectValidFhir } from "@/lib/testing/fhir-validators";
import { buildNir } from "@/lib/identity/nir";
import { createAuthorityPair } from "@/lib/pki/authorities";
import type { TCardFile } from "@/lib/pki/card-file";
import { cardPinInput, openCard } from "@/lib/testing/open-card";
import { requestCardChallenge } from "@/lib/pki/card-sign-in";
import { issueCard } from "@/lib/pki/issue-card";
import { issueStructureCertificate } from "@/lib/pki/issue-structure-certificate";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, importSigningKey, subtle, x509 } from "@/lib/pki/x509";
import { importEcPrivateKey, signClientAssertion } from "@/lib/oauth/sign-client-assertion";
import { verifyTraceChain } from "@/lib/traces/verify-chain";
import { buildProvideBundle, type TBundleDocumentInput, type TProvideBundle } from "./build-provide-bundle";
import { serveFetchHandler } from "./http/node-adapter";
import { routeApiRequest } from "./http/router";

process.env.NEXTAUTH_SECRET ??= "secret-de-test-api-fhir-0123456789abcdef";

/**
 * POSTs up to `chunks` MB (1 MB chunks; chunked unless the headers announce a length) on a
 * raw socket, which, unlike fetch or node:http, still reads the answer when the server
 * answers and closes before the upload is over (the client's next write then fails with
 * EPIPE, which is expected here and ignored).
 */
function postEarlyAnswered(url: string, headers: Record<string, string>, chunks: number): Promise<{ status: number; connection?: string; body: string; chunksSent: number }> {
  const chunk = Buffer.alloc(1024 * 1024, "A");
  const target = new URL(url);
  const chunked = !Object.keys(headers).some((h) => h.toLowerCase() === "content-length");
  const head = [`POST ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), ...(chunked ? ["Transfer-Encoding: chunked"] : []), "", ""].join("\r\n");
  return new Promise((resolve) => {
    let chunksSent = 0;
    let received = Buffer.alloc(0);
    let closed = false;
    const socket = net.connect(Number(target.port), target.hostname);
    socket.on("data", (part: Buffer) => (received = Buffer.concat([received, part])));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closed = true;
      const text = received.toString("utf8");
      const [rawHead = "", ...rest] = text.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(rawHead)?.[1] ?? 0);
      // A server that closes with part of the upload unread may reset the connection, and the
      // reset can drop its answer: status 0 then means "cut off before reading it all".
      if (status === 0) return resolve({ status, body: "", chunksSent });
      const connection = /^connection: *(.*)$/im.exec(rawHead)?.[1]?.trim().toLowerCase();
      const isChunkedAnswer = /^transfer-encoding: *chunked/im.test(rawHead);
      let body = rest.join("\r\n\r\n");
      if (isChunkedAnswer) body = body.replace(/(?:^|\r\n)[0-9a-f]+\r\n/gi, "").replace(/\r\n$/, "");
      resolve({ status, connection, body, chunksSent });
    });
    const writeMore = () => {
      while (!closed && received.length === 0 && chunksSent < chunks) {
        chunksSent += 1;
        const ok = socket.write(chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk);
        if (!ok) return void socket.once("drain", writeMore);
      }
      if (!closed && received.length === 0 && chunked) socket.write("0\r\n\r\n");
    };
    socket.on("connect", () => {
      socket.write(head);
      writeMore();
    });
  });
}

const HOSPITAL_FINESS = "750000019";
const OTHER_FINESS = "930000017";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let db: TTestDatabase;
let origin: string;
let close: () => Promise<void>;
let clockOffsetMs = 0;
const ids = {} as Record<"hospital" | "other" | "doctor" | "secretary" | "otherDoctor" | "gp" | "dentist" | "stranger" | "jeanne" | "closed", string>;
const idNats = { doctor: "810000000011", secretary: `3${HOSPITAL_FINESS}/SEC1`, otherDoctor: "810000000029", gp: "810000000037", dentist: "810000000045", stranger: "810000000052" };
const jeanne = { nir: buildNir({ sex: "F", birthDate: "1980-03-15", place: "75056", order: 12 }), birthDate: "1980-03-15", birthRank: 1 };
const closed = { nir: buildNir({ sex: "M", birthDate: "1975-07-02", place: "69123", order: 7 }), birthDate: "1975-07-02", birthRank: 1 };
let structureToken: string;
/** A client's key and certificate; a card's also has its file, whose PIN the platform checks before each token. */
type TSigner = { key: CryptoKey; certificatePem: string; cardFile?: TCardFile };
let doctorCard: TSigner;
let structureKey: TSigner;

const tokenUrl = () => `${origin}/api/oauth/token`;
const fhirBase = () => `${origin}/api/fhir`;

async function requestToken(assertion: string): Promise<Response> {
  return fetch(tokenUrl(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
    }).toString(),
  });
}

/** A card's PIN-verification ticket: the platform checks (and counts) PIN 1234, as POST /api/pro/card-challenge does. */
async function pinTicket(file: TCardFile): Promise<string> {
  return (await requestCardChallenge(db.prisma, cardPinInput(file, "1234"))).nonce;
}

async function cardSigner(professionalId: string): Promise<TSigner> {
  const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
  const { key } = await openCard(db.prisma, card.file, "1234");
  return { key, certificatePem: card.file.certificatePem, cardFile: card.file };
}

async function tokenFor(signer: TSigner): Promise<string> {
  const ticket = signer.cardFile ? await pinTicket(signer.cardFile) : undefined;
  const response = await requestToken(await signClientAssertion({ key: signer.key, chainPem: [signer.certificatePem], tokenUrl: tokenUrl(), pinTicket: ticket }));
  expect(response.status).toBe(200);
  const body = (await response.json()) as unknown as { access_token: string; token_type: string; expires_in: number };
  expect(body.token_type).toBe("Bearer");
  expect(body.expires_in).toBe(300);
  return body.access_token;
}

function fhirClient(token: string, headers: Record<string, string> = {}): Client {
  return new Client({ baseUrl: fhirBase(), bearerToken: token, customHeaders: headers });
}

function doc(overrides: Partial<TBundleDocumentInput> = {}): TBundleDocumentInput {
  return {
    uniqueId: `1.2.250.1.213.1.1.9.99.${Math.floor(Math.random() * 1e9)}`,
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

function bundleOf(...docs: TBundleDocumentInput[]) {
  return buildProvideBundle(docs, { sourceFiness: HOSPITAL_FINESS });
}

type THttpError = { response: { status: number; data: { resourceType: string; issue: { diagnostics: string; details?: { coding?: { code: string }[] } }[] } } };

async function expectRejected(promise: Promise<unknown>, status: number): Promise<THttpError["response"]["data"]> {
  try {
    await promise;
  } catch (error) {
    const e = error as THttpError;
    expect(e.response?.status).toBe(status);
    expect(e.response.data.resourceType).toBe("OperationOutcome");
    expectValidFhir(e.response.data);
    return e.response.data;
  }
  throw new Error(`la requête aurait dû échouer avec ${status}`);
}

async function submissions(uniqueId: string) {
  return db.prisma.feedSubmission.findMany({ where: { documentUniqueId: uniqueId }, orderBy: { submittedAt: "asc" } });
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "api-fhir" });
  const p = db.prisma;
  const hospital = await p.structure.create({ data: { finess: HOSPITAL_FINESS, name: "Hôpital de test", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const other = await p.structure.create({ data: { finess: OTHER_FINESS, name: "Cabinet de test", kind: "PRACTICE", city: "Montreuil", department: "93" } });
  ids.hospital = hospital.id;
  ids.other = other.id;
  const pro = (idNat: string, lastName: string, profession: string | null, specialty: string | null, structureId: string, kind: "HEALTH_PROFESSIONAL" | "STAFF" = "HEALTH_PROFESSIONAL") =>
    p.professional.create({ data: { idNat, firstName: "Test", lastName, profession, specialty, structureId, kind } });
  ids.doctor = (await pro(idNats.doctor, "Médecin", "10", "SM04", hospital.id)).id;
  ids.secretary = (await pro(idNats.secretary, "Secrétaire", null, null, hospital.id, "STAFF")).id;
  ids.otherDoctor = (await pro(idNats.otherDoctor, "Autre", "10", "SM54", other.id)).id;
  ids.gp = (await pro(idNats.gp, "Généraliste", "10", "SM54", other.id)).id;
  ids.dentist = (await pro(idNats.dentist, "Dentiste", "40", null, other.id)).id;
  ids.stranger = (await pro(idNats.stranger, "Inconnu", "10", "SM54", other.id)).id;
  const person = { firstName: "Jeanne", lastName: "Test", sex: "F" as const, department: "75" };
  ids.jeanne = (await p.patient.create({ data: { ...person, ...jeanne } })).id;
  ids.closed = (await p.patient.create({ data: { ...person, firstName: "Paul", sex: "M", ...closed, recordStatus: "CLOSED", closedAt: new Date() } })).id;
  for (const professionalId of [ids.gp, ids.dentist]) {
    await p.professionalAuthorization.create({ data: { patientId: ids.jeanne, professionalId, consentAt: new Date(), recordedById: professionalId } });
  }
  await p.habilitationRule.createMany({
    data: [
      { profession: "10", specialty: "*", typeCode: "34112-3", canRead: true },
      { profession: "10", specialty: "*", typeCode: "11488-4", canRead: true },
      { profession: "40", specialty: "*", typeCode: "34112-3", canRead: false },
      { profession: "40", specialty: "*", typeCode: "11488-4", canRead: true },
    ],
  });

  const server = await serveFetchHandler((request) => routeApiRequest({ db: p, now: () => new Date(Date.now() + clockOffsetMs) }, request));
  origin = server.origin;
  close = server.close;

  const structureCertificate = await issueStructureCertificate(p, hospital.id);
  structureKey = { key: await importEcPrivateKey(structureCertificate.privateKeyPem), certificatePem: structureCertificate.certificatePem };
  doctorCard = await cardSigner(ids.doctor);
  structureToken = await tokenFor(structureKey);
});

afterAll(async () => {
  await close?.();
  await db?.cleanup();
});

describe("CapabilityStatement", () => {
  it("GET /metadata lists ITI-65, ITI-67 and ITI-68 and is valid R4", async () => {
    const statement = (await new Client({ baseUrl: fhirBase() }).capabilityStatement()) as unknown as { resourceType: string; rest: { interaction: { code: string }[]; resource: { type: string }[] }[] };
    expectValidFhir(statement);
    expect(statement.resourceType).toBe("CapabilityStatement");
    expect(statement.rest[0]?.interaction.map((i) => i.code)).toContain("transaction");
    expect(statement.rest[0]?.resource.map((r) => r.type)).toEqual(expect.arrayContaining(["DocumentReference", "Binary"]));
  });
});

describe("authentication", () => {
  it("refuses a request without token with 401 and an OperationOutcome", async () => {
    const data = await expectRejected(new Client({ baseUrl: fhirBase() }).transaction({ body: bundleOf(doc()) }), 401);
    expect(data.issue[0]?.diagnostics).toMatch(/Authentification requise/);
  });

  it("refuses a forged token", async () => {
    await expectRejected(fhirClient(`${structureToken.slice(0, -4)}AAAA`).transaction({ body: bundleOf(doc()) }), 401);
  });

  it("refuses an expired token", async () => {
    clockOffsetMs = 6 * 60 * 1000;
    try {
      const data = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(doc()) }), 401);
      expect(data.issue[0]?.diagnostics).toMatch(/expiré/);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it("refuses a certificate from a foreign CA at the token endpoint", async () => {
    const foreign = await createAuthorityPair(new Date(), { root: "CN=Racine pirate, C=FR", issuing: "CN=AC IGC-SANTE TEST PERSONNES (simulateur DMP), OU=IGC-SANTE TEST, O=DMP SIMULATEUR, C=FR" });
    const issuingCert = new x509.X509Certificate(foreign.issuing.certificatePem);
    const keys = (await subtle().generateKey(EC_KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: "1234567890ABCDEF",
      subject: "CN=Faux hôpital, C=FR",
      issuer: issuingCert.subject,
      publicKey: keys.publicKey,
      signingKey: await importSigningKey(foreign.issuing.privateKeyPem),
      notBefore: new Date(Date.now() - 3600_000),
      notAfter: new Date(Date.now() + 3600_000 * 24),
      signingAlgorithm: EC_SIGNING_ALGORITHM,
    });
    const assertion = await signClientAssertion({ key: keys.privateKey, chainPem: [leaf.toString("pem"), foreign.issuing.certificatePem], tokenUrl: tokenUrl() });
    const response = await requestToken(assertion);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error_description).toMatch(/autorité de certification/);
    expect(body.error).toBe("invalid_client");
  });

  it("refuses a replayed assertion, a wrong audience and a too long lifetime", async () => {
    const assertion = await signClientAssertion({ key: structureKey.key, chainPem: [structureKey.certificatePem], tokenUrl: tokenUrl() });
    expect((await requestToken(assertion)).status).toBe(200);
    const replay = await requestToken(assertion);
    expect(replay.status).toBe(401);
    expect((await replay.json()).error_description).toMatch(/rejoué/);
    const wrongAudience = await requestToken(await signClientAssertion({ key: structureKey.key, chainPem: [structureKey.certificatePem], tokenUrl: "https://ailleurs.example/token" }));
    expect(wrongAudience.status).toBe(401);
    const tooLong = await requestToken(await signClientAssertion({ key: structureKey.key, chainPem: [structureKey.certificatePem], tokenUrl: tokenUrl(), lifetimeSeconds: 3600 }));
    expect(tooLong.status).toBe(401);
  });

  it("refuses an assertion signed by another key than the certificate's", async () => {
    const keys = (await subtle().generateKey(EC_KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
    const response = await requestToken(await signClientAssertion({ key: keys.privateKey, chainPem: [structureKey.certificatePem], tokenUrl: tokenUrl() }));
    expect(response.status).toBe(401);
    expect((await response.json()).error_description).toMatch(/signature invalide/);
  });

  it("a card's assertion gets a token only with a PIN verified by the platform (pin_ticket), once", async () => {
    const withoutTicket = await requestToken(await signClientAssertion({ key: doctorCard.key, chainPem: [doctorCard.certificatePem], tokenUrl: tokenUrl() }));
    expect(withoutTicket.status).toBe(400);
    expect(await withoutTicket.json()).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/vérification du code porteur absente/) });
    const ticket = await pinTicket(doctorCard.cardFile!);
    const sign = () => signClientAssertion({ key: doctorCard.key, chainPem: [doctorCard.certificatePem], tokenUrl: tokenUrl(), pinTicket: ticket });
    expect((await requestToken(await sign())).status).toBe(200);
    expect((await requestToken(await sign())).status).toBe(400);
  });

  it("an opposed card gets no token and its tokens stop working", async () => {
    const token = await tokenFor(doctorCard);
    const card = await db.prisma.cpsCard.findFirstOrThrow({ where: { professionalId: ids.doctor } });
    await db.prisma.cpsCard.update({ where: { id: card.id }, data: { status: "OPPOSED" } });
    try {
      await expectRejected(fhirClient(token).transaction({ body: bundleOf(doc()) }), 401);
      const response = await requestToken(await signClientAssertion({ key: doctorCard.key, chainPem: [doctorCard.certificatePem], tokenUrl: tokenUrl() }));
      expect(response.status).toBe(401);
    } finally {
      await db.prisma.cpsCard.update({ where: { id: card.id }, data: { status: "ACTIVE" } });
    }
  });
});

describe("ITI-65 Provide Document Bundle", () => {
  it("feeds a valid bundle (indirect mode): document, trace, notification and FED_OK row", async () => {
    const input = doc({ masking: { hiddenFromLegalReps: true }, confidentiality: "R" });
    const response = (await fhirClient(structureToken).transaction({ body: bundleOf(input) })) as unknown as { type: string; entry: { response: { status: string; location?: string } }[] };
    expectValidFhir(response);
    expect(response.type).toBe("transaction-response");
    const location = response.entry.find((e) => e.response.location?.startsWith("DocumentReference/"))?.response.location ?? "";
    const documentId = location.split("/")[1] as string;
    const stored = await db.prisma.document.findUniqueOrThrow({ where: { id: documentId }, include: { content: true } });
    expect(stored).toMatchObject({ uniqueId: input.uniqueId, patientId: ids.jeanne, source: "HOSPITAL_FEED", typeCode: "34112-3", classCode: "10", authorId: ids.doctor, structureId: ids.hospital, confidentiality: "R", hiddenFromLegalReps: true, hiddenFromPros: false, mediaType: "application/pdf" });
    expect(Buffer.from(stored.content?.data ?? []).equals(Buffer.from(PDF))).toBe(true);
    const trace = await db.prisma.trace.findFirstOrThrow({ where: { documentId, action: "FEED_DOCUMENT" } });
    // No professional declared: the author the structure declares is the person named, with the structure.
    expect(trace).toMatchObject({ actorKind: "PROFESSIONAL", actorId: ids.doctor, actorStructure: "Hôpital de test", patientId: ids.jeanne });
    expect(await db.prisma.notification.count({ where: { patientId: ids.jeanne, kind: "NEW_DOCUMENT", body: { contains: input.title } } })).toBe(1);
    expect((await submissions(input.uniqueId)).map((s) => [s.outcome, s.documentId])).toEqual([["FED_OK", documentId]]);
  });

  it("feeds in direct mode with a CPS card: the trace names the professional", async () => {
    const input = doc({ typeCode: "11488-4", title: "Consultation de cardiologie" });
    const response = (await fhirClient(await tokenFor(doctorCard)).transaction({ body: bundleOf(input) })) as unknown as { entry: { response: { location?: string } }[] };
    expectValidFhir(response);
    const stored = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: input.uniqueId } });
    const trace = await db.prisma.trace.findFirstOrThrow({ where: { documentId: stored.id, action: "FEED_DOCUMENT" } });
    expect(trace).toMatchObject({ actorKind: "PROFESSIONAL", actorId: ids.doctor });
    expect((await submissions(input.uniqueId))[0]?.professionalId).toBe(ids.doctor);
  });

  it("does not notify the patient of a document invisible to them", async () => {
    const input = doc({ masking: { hiddenFromPatient: true }, title: "Annonce diagnostique" });
    await fhirClient(structureToken).transaction({ body: bundleOf(input) });
    expect(await db.prisma.document.count({ where: { uniqueId: input.uniqueId, hiddenFromPatient: true } })).toBe(1);
    expect(await db.prisma.notification.count({ where: { body: { contains: "Annonce diagnostique" } } })).toBe(0);
  });

  it("rejects a NIR whose key is wrong", async () => {
    const wrongKey = `${jeanne.nir.slice(0, 13)}${String((Number(jeanne.nir.slice(13)) + 1) % 100).padStart(2, "0")}`;
    const input = doc({ patient: { ...jeanne, nir: wrongKey } });
    const data = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(input) }), 422);
    expect(data.issue[0]?.diagnostics).toMatch(/clé du NIR/);
    expect((await submissions(input.uniqueId)).map((s) => s.outcome)).toEqual(["REJECTED"]);
    expect(await db.prisma.document.count({ where: { uniqueId: input.uniqueId } })).toBe(0);
  });

  it("gives certification KO when the birth date differs", async () => {
    const input = doc({ patient: { ...jeanne, birthDate: "1980-03-16" } });
    const data = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(input) }), 422);
    expect(data.issue[0]?.diagnostics).toMatch(/date de naissance/);
    expect(data.issue[0]?.details?.coding?.[0]?.code).toBe("CERTIFICATION_KO");
    const [row] = await submissions(input.uniqueId);
    expect(row).toMatchObject({ outcome: "CERTIFICATION_KO", birthDate: "1980-03-16", nir: jeanne.nir });
    expect(await db.prisma.document.count({ where: { uniqueId: input.uniqueId } })).toBe(0);
  });

  it("gives certification KO when the birth rank differs", async () => {
    const input = doc({ patient: { ...jeanne, birthRank: 2 } });
    const data = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(input) }), 422);
    expect(data.issue[0]?.diagnostics).toMatch(/rang de naissance/);
  });

  it("gives record not found for an unknown NIR", async () => {
    const input = doc({ patient: { nir: buildNir({ sex: "M", birthDate: "1990-01-01", place: "13055", order: 3 }), birthDate: "1990-01-01", birthRank: 1 } });
    const data = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(input) }), 404);
    expect(data.issue[0]?.details?.coding?.[0]?.code).toBe("RECORD_NOT_FOUND");
    expect((await submissions(input.uniqueId)).map((s) => s.outcome)).toEqual(["RECORD_NOT_FOUND"]);
  });

  it("refuses to feed a closed record", async () => {
    const input = doc({ patient: { ...closed } });
    const data = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(input) }), 422);
    expect(data.issue[0]?.diagnostics).toMatch(/DMP fermé/);
    expect((await submissions(input.uniqueId))[0]).toMatchObject({ outcome: "RECORD_CLOSED", patientId: ids.closed });
    expect(await db.prisma.document.count({ where: { patientId: ids.closed } })).toBe(0);
  });

  it("is idempotent when the same document identifier is sent again", async () => {
    const input = doc({ title: "CRH renvoyé" });
    const body = bundleOf(input);
    await fhirClient(structureToken).transaction({ body });
    const again = (await fhirClient(structureToken).transaction({ body })) as unknown as { entry: { response: { status: string } }[] };
    expectValidFhir(again);
    expect(again.entry.map((e) => e.response.status)).toContain("200 OK");
    expect(await db.prisma.document.count({ where: { uniqueId: input.uniqueId } })).toBe(1);
    expect(await db.prisma.notification.count({ where: { body: { contains: "CRH renvoyé" } } })).toBe(1);
    expect((await submissions(input.uniqueId)).map((s) => s.outcome)).toEqual(["FED_OK", "FED_OK"]);
  });

  it("replaces an earlier document named by relatesTo", async () => {
    const first = doc({ title: "CRH version 1" });
    await fhirClient(structureToken).transaction({ body: bundleOf(first) });
    const second = doc({ title: "CRH version 2", replacesUniqueId: first.uniqueId });
    await fhirClient(structureToken).transaction({ body: bundleOf(second) });
    const old = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: first.uniqueId } });
    const replacement = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: second.uniqueId } });
    expect(old.status).toBe("REPLACED");
    expect(replacement).toMatchObject({ status: "ACTIVE", replacesId: old.id });
    // Replacing it again is refused: it is no longer the current version.
    await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(doc({ replacesUniqueId: first.uniqueId })) }), 409);
  });

  it("is all or nothing: one failing document leaves nothing written but the submission rows", async () => {
    const good = doc({ title: "Bon document du lot" });
    const bad = doc({ patient: { ...jeanne, birthDate: "1981-01-01" } });
    await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(good, bad) }), 422);
    expect(await db.prisma.document.count({ where: { uniqueId: { in: [good.uniqueId, bad.uniqueId] } } })).toBe(0);
    expect(await db.prisma.notification.count({ where: { body: { contains: "Bon document du lot" } } })).toBe(0);
    expect((await submissions(good.uniqueId)).map((s) => s.outcome)).toEqual(["REJECTED"]);
    expect((await submissions(bad.uniqueId)).map((s) => s.outcome)).toEqual(["CERTIFICATION_KO"]);
  });

  it("feeds several documents in one bundle: twins told apart by rank, traces chained in order", async () => {
    const twins = { nir: buildNir({ sex: "F", birthDate: "2015-06-01", place: "33063", order: 41 }), birthDate: "2015-06-01" };
    const person = { lastName: "Jumelle", sex: "F" as const, department: "33" };
    const first = await db.prisma.patient.create({ data: { ...person, firstName: "Léa", ...twins, birthRank: 1 } });
    const second = await db.prisma.patient.create({ data: { ...person, firstName: "Zoé", ...twins, birthRank: 2 } });
    const forSecond = doc({ patient: { ...twins, birthRank: 2 }, title: "CR de la seconde jumelle" });
    const forFirst = doc({ patient: { ...twins, birthRank: 1 }, title: "CR de la première jumelle" });
    const again = doc({ patient: { ...twins, birthRank: 2 }, title: "Second CR de la seconde jumelle", typeCode: "11488-4" });
    await fhirClient(structureToken).transaction({ body: bundleOf(forSecond, forFirst, again) });
    const stored = await db.prisma.document.findMany({ where: { uniqueId: { in: [forSecond.uniqueId, forFirst.uniqueId, again.uniqueId] } } });
    const patientOf = (uniqueId: string) => stored.find((d) => d.uniqueId === uniqueId)?.patientId;
    expect([patientOf(forSecond.uniqueId), patientOf(forFirst.uniqueId), patientOf(again.uniqueId)]).toEqual([second.id, first.id, second.id]);
    const traces = await db.prisma.trace.findMany({ where: { patientId: second.id }, orderBy: { id: "asc" } });
    expect(traces.map((t) => t.documentId)).toEqual([forSecond.uniqueId, again.uniqueId].map((u) => stored.find((d) => d.uniqueId === u)?.id));
    expect(traces[1]?.prevHash).toBe(traces[0]?.hash);
    expect(await verifyTraceChain(db.prisma, second.id)).toBeNull();
    expect(await verifyTraceChain(db.prisma, first.id)).toBeNull();
    expect(await db.prisma.notification.count({ where: { patientId: second.id, kind: "NEW_DOCUMENT" } })).toBe(2);
    expect((await submissions(again.uniqueId)).map((s) => [s.outcome, s.patientId])).toEqual([["FED_OK", second.id]]);
  });

  it("rejects an unknown type, and a type the author may not send", async () => {
    const unknown = doc({ typeCode: "99999-9" });
    const data = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(unknown) }), 422);
    expect(data.issue[0]?.diagnostics).toMatch(/Type de document inconnu/);
    expect((await submissions(unknown.uniqueId)).map((s) => s.outcome)).toEqual(["REJECTED"]);
    const patientType = doc({ typeCode: "DOCPAT03" });
    const refused = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(patientType) }), 422);
    expect(refused.issue[0]?.diagnostics).toMatch(/non autorisé/);
    const bySecretary = doc({ authorIdNat: idNats.secretary });
    await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(bySecretary) }), 422);
  });

  it("refuses an author or a custodian from another structure", async () => {
    await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(doc({ authorIdNat: idNats.otherDoctor })) }), 403);
    await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(doc({ custodianFiness: OTHER_FINESS })) }), 403);
    await expectRejected(fhirClient(structureToken, { "X-DMP-Professional": idNats.otherDoctor }).transaction({ body: bundleOf(doc()) }), 403);
  });

  it("answers malformed JSON and a wrong resourceType with 400", async () => {
    const headers = { authorization: `Bearer ${structureToken}`, "content-type": "application/fhir+json" };
    const malformed = await fetch(fhirBase(), { method: "POST", headers, body: '{"resourceType": "Bundle", "type": ' });
    expect(malformed.status).toBe(400);
    const outcome = await malformed.json();
    expectValidFhir(outcome);
    expect(outcome.issue[0].diagnostics).toMatch(/JSON mal formé/);
    const data = await expectRejected(fhirClient(structureToken).transaction({ body: { resourceType: "Patient", id: "x" } }), 400);
    expect(data.issue[0]?.diagnostics).toMatch(/Bundle/);
    await expectRejected(fhirClient(structureToken).transaction({ body: { resourceType: "Bundle", type: "batch", entry: [] } }), 400);
  });

  it("rejects an invalid bundle and stores a REJECTED row for its DocumentReference", async () => {
    const input = doc();
    const body = bundleOf(input);
    body.entry = body.entry.filter((e) => (e.resource as { resourceType: string }).resourceType !== "List");
    const data = await expectRejected(fhirClient(structureToken).transaction({ body }), 400);
    expect(data.issue[0]?.diagnostics).toMatch(/SubmissionSet/);
    expect((await submissions(input.uniqueId)).map((s) => s.outcome)).toEqual(["REJECTED"]);
  });

  it("refuses a 20 MB attachment with 413 before parsing (Content-Length, then counted), and closes the connection", async () => {
    const headers = { authorization: `Bearer ${structureToken}`, "content-type": "application/fhir+json" };
    // Only the headers are sent: the answer must come from the announced length alone.
    const announced = await postEarlyAnswered(fhirBase(), { ...headers, "content-length": String(20 * 1024 * 1024) }, 0);
    expect(announced.status, announced.body).toBe(413);
    // The rest of the upload is unread: the connection is not kept for a next request.
    expect(announced.connection).toBe("close");
    expectValidFhir(JSON.parse(announced.body));
    const streamed = await postEarlyAnswered(fhirBase(), headers, 200);
    expect([413, 0], streamed.body).toContain(streamed.status);
    // The server stopped reading long before the 200 MB the client had to send.
    expect(streamed.chunksSent).toBeLessThan(100);
  });

  it("rejects a document content above 10 MB (413, REJECTED row)", async () => {
    const bytes = new Uint8Array(10 * 1024 * 1024 + 10);
    bytes.set(PDF);
    const input = doc({ content: { bytes, contentType: "application/pdf" }, inlineContent: true });
    const data = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(input) }), 413);
    expect(data.issue[0]?.diagnostics).toMatch(/trop volumineux/);
    expect((await submissions(input.uniqueId)).map((s) => s.outcome)).toEqual(["REJECTED"]);
  });

  it("rejects content whose bytes are not the declared type", async () => {
    const input = doc({ content: { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), contentType: "application/pdf" } });
    await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(input) }), 422);
  });

  it("rejects content whose declared size or SHA-1 does not match the bytes received (422, nothing fed)", async () => {
    const tampered = (change: (attachment: Record<string, unknown>) => void) => {
      const input = doc();
      const bundle = bundleOf(input);
      const reference = bundle.entry.find((e) => (e.resource as { resourceType: string }).resourceType === "DocumentReference") as { resource: { content: { attachment: Record<string, unknown> }[] } };
      change(reference.resource.content[0]!.attachment);
      return { input, bundle };
    };
    const wrongHash = tampered((a) => (a.hash = createHash("sha1").update("autre contenu").digest("base64")));
    const hashOutcome = await expectRejected(fhirClient(structureToken).transaction({ body: wrongHash.bundle }), 422);
    expect(hashOutcome.issue[0]?.diagnostics).toMatch(/attachment\.hash ne correspond pas/);
    const wrongSize = tampered((a) => (a.size = 12));
    const sizeOutcome = await expectRejected(fhirClient(structureToken).transaction({ body: wrongSize.bundle }), 422);
    expect(sizeOutcome.issue[0]?.diagnostics).toMatch(/attachment\.size \(12\) ne correspond pas/);
    for (const { input } of [wrongHash, wrongSize]) {
      expect(await db.prisma.document.count({ where: { uniqueId: input.uniqueId } })).toBe(0);
      expect((await submissions(input.uniqueId)).map((s) => s.outcome)).toEqual(["REJECTED"]);
    }
  });
});

describe("ITI-67 / ITI-68 search and retrieve apply lib/access", () => {
  const crh = doc({ title: "CRH visible", serviceDate: "2025-06-01" });
  const masked = doc({ title: "CRH masqué aux PS", masking: { hiddenFromPros: true }, serviceDate: "2025-06-02" });
  const consultation = doc({ typeCode: "11488-4", title: "Consultation visible", serviceDate: "2025-06-03" });
  let gpToken: string;
  let dentistToken: string;

  beforeAll(async () => {
    await db.prisma.document.updateMany({ where: { patientId: ids.jeanne }, data: { status: "ARCHIVED" } });
    await fhirClient(structureToken).transaction({ body: bundleOf(crh, masked, consultation) });
    const cardKey = async (professionalId: string) => tokenFor(await cardSigner(professionalId));
    gpToken = await cardKey(ids.gp);
    dentistToken = await cardKey(ids.dentist);
  });

  async function search(token: string, params: Record<string, string> = {}) {
    const bundle = (await fhirClient(token).search({ resourceType: "DocumentReference", searchParams: { "patient.identifier": `urn:oid:1.2.250.1.213.1.4.8|${jeanne.nir}`, ...params } })) as unknown as {
      entry?: { resource: { description: string; content: { attachment: { url: string } }[]; id: string } }[];
    };
    expectValidFhir(bundle);
    for (const e of bundle.entry ?? []) expectValidFhir(e.resource);
    return bundle.entry ?? [];
  }

  it("a doctor with the patient's consent sees what the matrix allows, not what is masked from professionals", async () => {
    const titles = (await search(gpToken)).map((e) => e.resource.description).sort();
    expect(titles).toEqual(["CRH visible", "Consultation visible"]);
    const trace = await db.prisma.trace.findFirst({ where: { patientId: ids.jeanne, actorId: ids.gp, action: "RECORD_VIEW", outcome: "ALLOWED" } });
    expect(trace).not.toBeNull();
  });

  it("a dentist sees only the types the matrix gives dentists", async () => {
    expect((await search(dentistToken)).map((e) => e.resource.description)).toEqual(["Consultation visible"]);
  });

  it("filters by type, date and author", async () => {
    expect((await search(gpToken, { type: "http://loinc.org|11488-4" })).map((e) => e.resource.description)).toEqual(["Consultation visible"]);
    expect((await search(gpToken, { date: "le2025-06-01" })).map((e) => e.resource.description)).toEqual(["CRH visible"]);
    expect(await search(gpToken, { "author.identifier": `urn:oid:1.2.250.1.71.4.2.1|${idNats.gp}` })).toEqual([]);
    expect(await search(gpToken, { "author.identifier": `urn:oid:1.2.250.1.71.4.2.1|${idNats.doctor}` })).toHaveLength(2);
  });

  it("pages with _count and _offset: next and previous links, total on the last page", async () => {
    type TPage = { total?: number; link: { relation: string; url: string }[]; entry?: { resource: { description: string } }[] };
    const first = (await fhirClient(gpToken).search({
      resourceType: "DocumentReference",
      searchParams: { "patient.identifier": `urn:oid:1.2.250.1.213.1.4.8|${jeanne.nir}`, _count: "1" },
    })) as unknown as TPage;
    expectValidFhir(first);
    expect(first.entry?.map((e) => e.resource.description)).toEqual(["Consultation visible"]);
    expect(first.total).toBeUndefined();
    expect(first.link.map((l) => l.relation)).toEqual(["self", "next"]);
    const next = first.link.find((l) => l.relation === "next")?.url as string;
    expect(next).toContain("_offset=1");
    const second = (await fhirClient(gpToken).request(next)) as unknown as TPage;
    expectValidFhir(second);
    expect(second.entry?.map((e) => e.resource.description)).toEqual(["CRH visible"]);
    expect(second.total).toBe(2);
    expect(second.link.map((l) => l.relation)).toEqual(["self", "previous"]);
    await expectRejected(
      fhirClient(gpToken).search({ resourceType: "DocumentReference", searchParams: { "patient.identifier": `urn:oid:1.2.250.1.213.1.4.8|${jeanne.nir}`, _offset: "-1" } }),
      400,
    );
  });

  it("a professional without authorization gets an empty bundle and a refused trace", async () => {
    const token = await tokenFor(await cardSigner(ids.stranger));
    expect(await search(token)).toEqual([]);
    expect(await db.prisma.trace.count({ where: { patientId: ids.jeanne, actorId: ids.stranger, outcome: "REFUSED" } })).toBe(1);
  });

  it("indirect mode reads need the professional named in X-DMP-Professional", async () => {
    await expectRejected(fhirClient(structureToken).search({ resourceType: "DocumentReference", searchParams: { "patient.identifier": jeanne.nir } }), 403);
    const asDoctor = () =>
      fhirClient(structureToken, { "X-DMP-Professional": idNats.doctor }).search({ resourceType: "DocumentReference", searchParams: { "patient.identifier": jeanne.nir } }) as Promise<{ entry?: unknown[] }>;
    // Feeding a record gives no access to it: without the patient's consent, nothing.
    expect((await asDoctor()).entry ?? []).toHaveLength(0);
    await db.prisma.professionalAuthorization.create({ data: { patientId: ids.jeanne, professionalId: ids.doctor, consentAt: new Date(), recordedById: ids.doctor } });
    // With it, the author reads their own documents, the one masked from professionals too.
    expect((await asDoctor()).entry).toHaveLength(3);
  });

  it("ITI-68 returns the bytes with their media type and traces the read; a masked document is 404", async () => {
    const [entry] = await search(gpToken, { type: "34112-3" });
    const url = entry?.resource.content[0]?.attachment.url as string;
    expect(url).toBe(`${fhirBase()}/Binary/${entry?.resource.id}`);
    const response = await fetch(url, { headers: { authorization: `Bearer ${gpToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(Buffer.from(PDF))).toBe(true);
    // The metadata describes the bytes: size and SHA-1 (base64), as XDS size and hash.
    expect(entry?.resource.content[0]?.attachment).toMatchObject({ size: bytes.length, hash: createHash("sha1").update(bytes).digest("base64") });
    expect(await db.prisma.trace.count({ where: { documentId: entry?.resource.id, actorId: ids.gp, action: "DOCUMENT_READ", outcome: "ALLOWED" } })).toBe(1);
    const maskedDoc = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: masked.uniqueId } });
    const refused = await fetch(`${fhirBase()}/Binary/${maskedDoc.id}`, { headers: { authorization: `Bearer ${gpToken}` } });
    expect(refused.status).toBe(404);
    expectValidFhir(await refused.json());
    expect(await db.prisma.trace.count({ where: { documentId: maskedDoc.id, actorId: ids.gp, action: "DOCUMENT_READ", outcome: "REFUSED" } })).toBe(1);
    const asResource = await fhirClient(gpToken).read({ resourceType: "Binary", id: entry?.resource.id as string });
    expectValidFhir(asResource);
    expect((asResource as unknown as { contentType: string }).contentType).toBe("application/pdf");
  });

  it("ITI-68 without token is 401, unknown id is 404", async () => {
    const [entry] = await search(gpToken);
    expect((await fetch(`${fhirBase()}/Binary/${entry?.resource.id}`)).status).toBe(401);
    expect((await fetch(`${fhirBase()}/Binary/${randomUUID()}`, { headers: { authorization: `Bearer ${gpToken}` } })).status).toBe(404);
  });

  it("a search without patient.identifier is 400", async () => {
    await expectRejected(fhirClient(gpToken).search({ resourceType: "DocumentReference", searchParams: { type: "11488-4" } }), 400);
  });
});

describe("MHD 4.2.3 / PDSm conformance of ITI-65 and the token endpoint", () => {
  type TResponseBundle = { resourceType: string; type: string; entry: { response: { status: string; location?: string } }[] };
  type TEntry = { fullUrl?: string; resource: Record<string, unknown>; request: { method: string; url: string } };
  const entriesOf = (bundle: { entry: Record<string, unknown>[] }) => bundle.entry as TEntry[];
  const referenceOf = (bundle: { entry: Record<string, unknown>[] }, n = 0) => entriesOf(bundle).filter((e) => e.resource.resourceType === "DocumentReference")[n]?.resource as Record<string, unknown>;
  const feed = async (body: TProvideBundle, token = structureToken) => {
    const response = (await fhirClient(token).transaction({ body })) as unknown as TResponseBundle;
    expectValidFhir(response);
    return response;
  };
  const storedId = async (uniqueId: string) => (await db.prisma.document.findUniqueOrThrow({ where: { uniqueId } })).id;

  describe("transaction-response (ITI-65 §2:3.65.4.2.2)", () => {
    it("every entry created answers 201 with a Type/id/_history/1 location, the SubmissionSet List included", async () => {
      const input = doc({ title: "CRH localisé" });
      const bundle = bundleOf(input);
      const response = await feed(bundle);
      const id = await storedId(input.uniqueId);
      const kinds = entriesOf(bundle).map((e) => e.resource.resourceType);
      expect(kinds).toEqual(["List", "DocumentReference", "Binary"]);
      expect(response.entry.map((e) => e.response.status)).toEqual(["201 Created", "201 Created", "201 Created"]);
      const [list, reference, binary] = response.entry.map((e) => e.response.location ?? "");
      expect(list).toMatch(/^List\/[A-Za-z0-9\-.]{1,64}\/_history\/1$/);
      expect(reference).toBe(`DocumentReference/${id}/_history/1`);
      expect(binary).toBe(`Binary/${id}/_history/1`);
    });

    it("an identical resend answers 200 for every entry, with the same locations, and creates nothing", async () => {
      const bundle = bundleOf(doc({ title: "CRH renvoyé tel quel" }), doc({ title: "Second CRH renvoyé", inlineContent: true }));
      const first = await feed(bundle);
      const again = await feed(bundle);
      expect(again.entry.map((e) => e.response.status)).toEqual(entriesOf(bundle).map(() => "200 OK"));
      expect(again.entry.map((e) => e.response.location)).toEqual(first.entry.map((e) => e.response.location));
      expect(again.entry.every((e) => e.response.location)).toBe(true);
    });

    it("a Binary no DocumentReference designates is refused (it would be lost)", async () => {
      const bundle = bundleOf(doc());
      bundle.entry.push({ fullUrl: `urn:uuid:${randomUUID()}`, resource: { resourceType: "Binary", contentType: "application/pdf", data: Buffer.from(PDF).toString("base64") }, request: { method: "POST", url: "Binary" } });
      const outcome = await expectRejected(fhirClient(structureToken).transaction({ body: bundle }), 400);
      expect(outcome.issue[0]?.diagnostics).toMatch(/Binary désigné par aucune DocumentReference/);
    });
  });

  describe("structure identifier IdNat_Struct (TRE_G07)", () => {
    it("the structure certificate carries '1' + FINESS, the client id its token request must use", async () => {
      const certificate = new x509.X509Certificate(structureKey.certificatePem);
      expect(certificate.subject).toContain(`2.5.4.5=1${HOSPITAL_FINESS}`);
    });

    it("accepts custodian '1' + FINESS and the bare FINESS, refuses '3' + FINESS (3 is SIRET) with the right form", async () => {
      const withCustodian = (value: string) => {
        const input = doc();
        const bundle = bundleOf(input);
        referenceOf(bundle).custodian = { identifier: { system: "urn:oid:1.2.250.1.71.4.2.2", value } };
        return { input, bundle };
      };
      for (const value of [`1${HOSPITAL_FINESS}`, HOSPITAL_FINESS]) {
        const { input, bundle } = withCustodian(value);
        await feed(bundle);
        expect(await db.prisma.document.count({ where: { uniqueId: input.uniqueId, structureId: ids.hospital } })).toBe(1);
      }
      const oldForm = withCustodian(`3${HOSPITAL_FINESS}`);
      const outcome = await expectRejected(fhirClient(structureToken).transaction({ body: oldForm.bundle }), 400);
      expect(outcome.issue[0]?.diagnostics).toMatch(/« 1 » \+ FINESS/);
      const siret = withCustodian("312345678901234");
      expect((await expectRejected(fhirClient(structureToken).transaction({ body: siret.bundle }), 400)).issue[0]?.diagnostics).toMatch(/SIRET/);
    });

    it("the bundle the builder (and the hospital simulator) sends names the structure '1' + FINESS", () => {
      const bundle = bundleOf(doc());
      expect((referenceOf(bundle).custodian as { identifier: { value: string } }).identifier.value).toBe(`1${HOSPITAL_FINESS}`);
      expect((entriesOf(bundle)[0]?.resource.source as { identifier: { value: string } }).identifier.value).toBe(`1${HOSPITAL_FINESS}`);
    });
  });

  describe("subject by INS and contained references", () => {
    it("feeds a DocumentReference whose subject is the INS (as ITI-67 answers it), traits in context.sourcePatientInfo", async () => {
      const input = doc({ title: "CR sujet par INS" });
      const bundle = bundleOf(input);
      const reference = referenceOf(bundle);
      reference.subject = { type: "Patient", identifier: { system: "urn:oid:1.2.250.1.213.1.4.8", value: jeanne.nir } };
      reference.context = { ...(reference.context as object), sourcePatientInfo: { reference: "#patient" } };
      expectValidFhir(reference);
      await feed(bundle);
      expect(await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: input.uniqueId } })).toMatchObject({ patientId: ids.jeanne });
    });

    it("a subject by INS is certified like a contained one: traits that differ are certification KO", async () => {
      const input = doc({ patient: { ...jeanne, birthDate: "1980-03-16" } });
      const bundle = bundleOf(input);
      const reference = referenceOf(bundle);
      reference.subject = { identifier: { system: "urn:oid:1.2.250.1.213.1.4.8", value: jeanne.nir } };
      reference.context = { ...(reference.context as object), sourcePatientInfo: { reference: "#patient" } };
      const outcome = await expectRejected(fhirClient(structureToken).transaction({ body: bundle }), 422);
      expect(outcome.issue[0]?.details?.coding?.[0]?.code).toBe("CERTIFICATION_KO");
    });

    it("a subject by INS without the traits is refused with what to send", async () => {
      const bundle = bundleOf(doc());
      referenceOf(bundle).subject = { identifier: { system: "urn:oid:1.2.250.1.213.1.4.8", value: jeanne.nir } };
      const outcome = await expectRejected(fhirClient(structureToken).transaction({ body: bundle }), 400);
      expect(outcome.issue[0]?.diagnostics).toMatch(/sourcePatientInfo/);
    });

    it("resolves custodian → #organization and author → #role → #practitioner (PDSm)", async () => {
      const input = doc({ title: "CR références contenues" });
      const bundle = bundleOf(input);
      const reference = referenceOf(bundle);
      const contained = reference.contained as Record<string, unknown>[];
      contained.push(
        { resourceType: "Organization", id: "organization", identifier: [{ system: "urn:oid:1.2.250.1.71.4.2.2", value: `1${HOSPITAL_FINESS}` }], name: "Hôpital de test" },
        { resourceType: "PractitionerRole", id: "role", practitioner: { reference: "#author" } },
      );
      reference.custodian = { reference: "#organization" };
      reference.author = [{ reference: "#role" }];
      expectValidFhir(reference);
      await feed(bundle);
      expect(await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: input.uniqueId } })).toMatchObject({ structureId: ids.hospital, authorId: ids.doctor });
    });

    it("a reference to a contained resource that is not there is refused with an OperationOutcome", async () => {
      for (const [field, value] of [
        ["author", [{ reference: "#absent" }]],
        ["custodian", { reference: "#organization" }],
        ["subject", { reference: "#personne" }],
      ] as const) {
        const input = doc();
        const bundle = bundleOf(input);
        referenceOf(bundle)[field] = value;
        const outcome = await expectRejected(fhirClient(structureToken).transaction({ body: bundle }), 400);
        expect(outcome.issue[0]?.diagnostics).toMatch(new RegExp(`DocumentReference\\.${field} : la référence « #\\w+ » ne désigne aucune ressource`));
        expect(await db.prisma.document.count({ where: { uniqueId: input.uniqueId } })).toBe(0);
      }
    });
  });

  describe("replacement by server id and the UpdateDocumentRefs PATCH (MHD 4.2)", () => {
    const supersede = (id: string) => ({
      fullUrl: `urn:uuid:${randomUUID()}`,
      resource: { resourceType: "Parameters", parameter: [{ name: "operation", part: [{ name: "type", valueCode: "replace" }, { name: "path", valueString: "DocumentReference.status" }, { name: "value", valueCode: "superseded" }] }] },
      request: { method: "PATCH", url: `DocumentReference/${id}` },
    });

    it("relatesTo.target DocumentReference/<id> with the PATCH entry: old superseded, PATCH answered 200 with version 2", async () => {
      const first = doc({ title: "CRH v1 (par id)" });
      await feed(bundleOf(first));
      const oldId = await storedId(first.uniqueId);
      const second = doc({ title: "CRH v2 (par id)" });
      const bundle = bundleOf(second);
      referenceOf(bundle).relatesTo = [{ code: "replaces", target: { reference: `DocumentReference/${oldId}` } }];
      bundle.entry.splice(1, 0, supersede(oldId));
      expectValidFhir(bundle);
      const response = await feed(bundle);
      expect(response.entry[1]?.response).toEqual({ status: "200 OK", location: `DocumentReference/${oldId}/_history/2` });
      const replacement = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: second.uniqueId } });
      expect(replacement).toMatchObject({ status: "ACTIVE", replacesId: oldId });
      expect((await db.prisma.document.findUniqueOrThrow({ where: { id: oldId } })).status).toBe("REPLACED");
      // The identical resend is a no-op: 200 everywhere.
      expect((await feed(bundle)).entry.map((e) => e.response.status)).toEqual(bundle.entry.map(() => "200 OK"));
    });

    it("the replacement by server id alone (no PATCH) works too, and an unknown id is 'not found'", async () => {
      const first = doc({ title: "CRH v1 (id seul)" });
      await feed(bundleOf(first));
      const oldId = await storedId(first.uniqueId);
      const bundle = bundleOf(doc({ title: "CRH v2 (id seul)" }));
      referenceOf(bundle).relatesTo = [{ code: "replaces", target: { reference: `${fhirBase()}/DocumentReference/${oldId}` } }];
      await feed(bundle);
      expect((await db.prisma.document.findUniqueOrThrow({ where: { id: oldId } })).status).toBe("REPLACED");
      const unknown = bundleOf(doc());
      referenceOf(unknown).relatesTo = [{ code: "replaces", target: { reference: "DocumentReference/inconnu" } }];
      expect((await expectRejected(fhirClient(structureToken).transaction({ body: unknown }), 422)).issue[0]?.diagnostics).toMatch(/introuvable/);
    });

    it("a PATCH of a document no DocumentReference of the bundle replaces, or any other PATCH, is refused", async () => {
      const first = doc({ title: "CRH non remplacé" });
      await feed(bundleOf(first));
      const oldId = await storedId(first.uniqueId);
      const lone = bundleOf(doc());
      lone.entry.push(supersede(oldId));
      const outcome = await expectRejected(fhirClient(structureToken).transaction({ body: lone }), 422);
      expect(outcome.issue[0]?.diagnostics).toMatch(/accepté seulement avec une DocumentReference du lot qui remplace/);
      expect((await db.prisma.document.findUniqueOrThrow({ where: { id: oldId } })).status).toBe("ACTIVE");
      const other = bundleOf(doc());
      const patch = supersede(oldId);
      patch.resource.parameter[0]!.part[1] = { name: "path", valueString: "DocumentReference.description" };
      other.entry.push(patch);
      expect((await expectRejected(fhirClient(structureToken).transaction({ body: other }), 400)).issue[0]?.diagnostics).toMatch(/UpdateDocumentRefs/);
    });
  });

  describe("a masterIdentifier already known (lib/access/feed-rules UNIQUE_ID_TAKEN)", () => {
    it("another structure's id gets exactly the refusal of this structure's id sent with another content", async () => {
      const otherCertificate = await issueStructureCertificate(db.prisma, ids.other);
      const otherToken = await tokenFor({ key: await importEcPrivateKey(otherCertificate.privateKeyPem), certificatePem: otherCertificate.certificatePem });
      const theirs = doc({ custodianFiness: OTHER_FINESS, authorIdNat: idNats.otherDoctor, title: "CR du cabinet" });
      await feed(buildProvideBundle([theirs], { sourceFiness: OTHER_FINESS }), otherToken);
      const ours = doc({ title: "CR de l'hôpital" });
      await feed(bundleOf(ours));

      const ownChanged = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf({ ...ours, title: "CR de l'hôpital, modifié" }) }), 409);
      const foreign = await expectRejected(fhirClient(structureToken).transaction({ body: bundleOf(doc({ uniqueId: theirs.uniqueId })) }), 409);
      const shape = (o: typeof foreign) => o.issue.map((i) => ({ ...i, diagnostics: i.diagnostics.replace(/^Document \S+ : /, "") }));
      expect(shape(foreign)).toEqual(shape(ownChanged));
      expect(foreign.issue[0]?.diagnostics).not.toMatch(/autre structure|autre dossier|autre document/);
      // The rows the structure sees in its report say no more.
      const [row] = (await submissions(theirs.uniqueId)).filter((s) => s.structureId === ids.hospital);
      const [ownRow] = (await submissions(ours.uniqueId)).filter((s) => s.outcome === "REJECTED");
      expect(row?.detail).toBe(ownRow?.detail);
      expect(await db.prisma.document.count({ where: { uniqueId: theirs.uniqueId, structureId: ids.other } })).toBe(1);
    });
  });

  describe("token endpoint (RFC 6749 §5.2, SMART Backend Services)", () => {
    const form = (fields: Record<string, string>) =>
      fetch(tokenUrl(), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
    const assertionFields = async (overrides: Partial<Parameters<typeof signClientAssertion>[0]> = {}) => ({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: await signClientAssertion({ key: structureKey.key, chainPem: [structureKey.certificatePem], tokenUrl: tokenUrl(), ...overrides }),
    });
    async function expectOAuthError(response: Response, status: number, error: string): Promise<string> {
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(["error", "error_description"]);
      expect(body.error).toBe(error);
      if (status === 401) expect(response.headers.get("www-authenticate")).toBe(`Bearer error="${error}"`);
      return body.error_description as string;
    }

    it("answers each request error with its RFC 6749 code", async () => {
      const fields = await assertionFields();
      await expectOAuthError(await form({ ...fields, grant_type: "authorization_code" }), 400, "unsupported_grant_type");
      await expectOAuthError(await form({ client_assertion: fields.client_assertion }), 400, "invalid_request");
      await expectOAuthError(await form({ ...fields, client_assertion_type: "autre" }), 400, "invalid_request");
      await expectOAuthError(await form({ ...fields, scope: "system/Patient.rs" }), 400, "invalid_scope");
      const json = await fetch(tokenUrl(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fields) });
      await expectOAuthError(json, 400, "invalid_request");
      expect(await expectOAuthError(await form({ ...fields, client_assertion: "pas.un.jwt" }), 401, "invalid_client")).toMatch(/illisible/);
    });

    it("grants a known scope, and answers the token without caching", async () => {
      const response = await form({ ...(await assertionFields()), scope: "system/DocumentReference.cruds" });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ token_type: "Bearer", expires_in: 300, scope: expect.stringContaining("system/DocumentReference.cruds") });
    });

    it("the client id in iss/sub must be the certificate's identity", async () => {
      const wrong = await expectOAuthError(await form(await assertionFields({ clientId: "logiciel-hopital" })), 401, "invalid_client");
      expect(wrong).toMatch(new RegExp(`iss et sub doivent valoir l'identifiant du certificat.*« 1${HOSPITAL_FINESS} »`));
      // A card's holder id does not authenticate a structure, nor the reverse.
      await expectOAuthError(await form(await assertionFields({ clientId: idNats.doctor })), 401, "invalid_client");
      const ticket = await pinTicket(doctorCard.cardFile!);
      const asStructure = await signClientAssertion({ key: doctorCard.key, chainPem: [doctorCard.certificatePem], clientId: `1${HOSPITAL_FINESS}`, tokenUrl: tokenUrl(), pinTicket: ticket });
      await expectOAuthError(await requestToken(asStructure), 401, "invalid_client");
    });

    it("exp: at most 5 minutes ahead, 60 s of clock skew either way", async () => {
      expect((await form(await assertionFields({ lifetimeSeconds: 300 + 45 }))).status).toBe(200);
      expect(await expectOAuthError(await form(await assertionFields({ lifetimeSeconds: 300 + 75 })), 401, "invalid_client")).toMatch(/exp trop lointain/);
      // Expired 20 s ago on the server's clock: within the skew.
      expect((await form(await assertionFields({ now: new Date(Date.now() - 260_000), lifetimeSeconds: 240 }))).status).toBe(200);
      expect(await expectOAuthError(await form(await assertionFields({ now: new Date(Date.now() - 340_000), lifetimeSeconds: 240 })), 401, "invalid_client")).toMatch(/expirée/);
    });

    it("iat: not more than 60 s in the future", async () => {
      expect((await form(await assertionFields({ now: new Date(Date.now() + 45_000), lifetimeSeconds: 200 }))).status).toBe(200);
      expect(await expectOAuthError(await form(await assertionFields({ now: new Date(Date.now() + 75_000), lifetimeSeconds: 200 })), 401, "invalid_client")).toMatch(/iat dans le futur/);
    });
  });
});
