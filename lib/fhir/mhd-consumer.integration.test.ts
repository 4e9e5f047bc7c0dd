/**
 * The FHIR API as a DMP-compatible software written from IHE MHD 4.2.3 uses it to consume:
 * both encodings (JSON and XML) on every interaction, ITI-67 by patient reference, by POST
 * _search, with a status list and _count=0, ITI-66 SubmissionSets and the patient lookup
 * by INS, all under the access policy and traced. Served over real HTTP by the same handlers
 * as app/api; every resource returned is checked by two FHIR R4 validators.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fhir } from "fhir";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { expectValidFhir } from "@/lib/testing/fhir-validators";
import { buildNir } from "@/lib/identity/nir";
import type { TCardFile } from "@/lib/pki/card-file";
import { cardPinInput, openCard } from "@/lib/testing/open-card";
import { requestCardChallenge } from "@/lib/pki/card-sign-in";
import { issueCard } from "@/lib/pki/issue-card";
import { issueStructureCertificate } from "@/lib/pki/issue-structure-certificate";
import { importEcPrivateKey, signClientAssertion } from "@/lib/oauth/sign-client-assertion";
import { buildProvideBundle, type TBundleDocumentInput } from "./build-provide-bundle";
import { serveFetchHandler } from "./http/node-adapter";
import { routeApiRequest } from "./http/router";
import { LOOKUP_FLOOR_MS } from "./http/lookup-patients";
import { resourceToXml } from "./http/negotiate-format";
import { RECORD_ACCESS_EXTENSION } from "./constants";

process.env.NEXTAUTH_SECRET ??= "secret-de-test-api-fhir-0123456789abcdef";

const fhir = new Fhir();
const HOSPITAL_FINESS = "750000019";
const OTHER_FINESS = "930000017";
const INS = "urn:oid:1.2.250.1.213.1.4.8";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const idNats = { doctor: "810000000011", gp: "810000000037", stranger: "810000000052", blocked: "810000000060" };
const jeanne = { nir: buildNir({ sex: "F", birthDate: "1980-03-15", place: "75056", order: 12 }), birthDate: "1980-03-15", birthRank: 1 };
const closed = { nir: buildNir({ sex: "M", birthDate: "1975-07-02", place: "69123", order: 7 }), birthDate: "1975-07-02", birthRank: 1 };
const unknownNir = buildNir({ sex: "M", birthDate: "1990-01-01", place: "13055", order: 3 });

let db: TTestDatabase;
let origin: string;
let close: () => Promise<void>;
const ids = {} as Record<"doctor" | "gp" | "stranger" | "blocked" | "jeanne" | "closed", string>;
const tokens = {} as Record<"hospital" | "gp" | "stranger" | "blocked", string>;
const uniqueIds = {} as Record<"a1" | "a2Masked" | "b1Replaced" | "c1", string>;

const fhirBase = () => `${origin}/api/fhir`;
const uid = () => `1.2.250.1.213.1.1.9.77.${Math.floor(Math.random() * 1e9)}`;

async function requestToken(assertion: string): Promise<string> {
  const response = await fetch(`${origin}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion }).toString(),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A card holder's token (direct mode): the platform checks PIN 1234 first. */
async function cardToken(professionalId: string): Promise<string> {
  const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
  const { key } = await openCard(db.prisma, card.file, "1234");
  const ticket = (await requestCardChallenge(db.prisma, cardPinInput(card.file as TCardFile, "1234"))).nonce;
  return requestToken(await signClientAssertion({ key, chainPem: [card.file.certificatePem], tokenUrl: `${origin}/api/oauth/token`, pinTicket: ticket }));
}

function doc(overrides: Partial<TBundleDocumentInput> = {}): TBundleDocumentInput {
  return {
    uniqueId: uid(),
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

async function feed(...docs: TBundleDocumentInput[]): Promise<void> {
  const response = await fetch(fhirBase(), {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.hospital}`, "content-type": "application/fhir+json", "x-dmp-professional": idNats.doctor },
    body: JSON.stringify(buildProvideBundle(docs, { sourceFiness: HOSPITAL_FINESS })),
  });
  expect(response.status).toBe(200);
}

type TBundle = { resourceType: string; type: string; total?: number; link?: { relation: string; url: string }[]; entry?: { fullUrl: string; resource: Record<string, unknown> & { id: string } }[] };

/** GET under /api/fhir, JSON answer parsed and validated (resources of a Bundle too). */
async function getJson(pathAndQuery: string, token: string): Promise<TBundle> {
  const response = await fetch(`${fhirBase()}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}`, accept: "application/fhir+json" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  const body = (await response.json()) as TBundle;
  expectValid(body);
  return body;
}

function expectValid(body: TBundle): void {
  expectValidFhir(body);
  for (const entry of body.entry ?? []) expectValidFhir(entry.resource);
}

const documentSearch = (params: Record<string, string>) => `/DocumentReference?${new URLSearchParams({ "patient.identifier": `${INS}|${jeanne.nir}`, ...params }).toString()}`;
const uniqueIdsOf = (bundle: TBundle) => (bundle.entry ?? []).map((e) => (e.resource.masterIdentifier as { value: string }).value.replace("urn:oid:", "")).sort();
const withoutLinks = (bundle: TBundle) => ({ ...bundle, link: undefined });

beforeAll(async () => {
  // The server's converter loads its definitions once, synchronously: done here, before any
  // connection is open (the validators load theirs when imported).
  resourceToXml({ resourceType: "Patient", id: "warm-up" });
  db = await createTestDatabase({ name: "api-fhir-mhd-consumer" });
  const p = db.prisma;
  const hospital = await p.structure.create({ data: { finess: HOSPITAL_FINESS, name: "Hôpital de test", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const other = await p.structure.create({ data: { finess: OTHER_FINESS, name: "Cabinet de test", kind: "PRACTICE", city: "Montreuil", department: "93" } });
  const pro = async (idNat: string, lastName: string, structureId: string) =>
    (await p.professional.create({ data: { idNat, firstName: "Test", lastName, profession: "10", specialty: "SM54", structureId, kind: "HEALTH_PROFESSIONAL" } })).id;
  ids.doctor = await pro(idNats.doctor, "Médecin", hospital.id);
  ids.gp = await pro(idNats.gp, "Généraliste", other.id);
  ids.stranger = await pro(idNats.stranger, "Inconnu", other.id);
  ids.blocked = await pro(idNats.blocked, "Bloqué", other.id);
  const person = { firstName: "Jeanne", lastName: "Test", sex: "F" as const, department: "75" };
  ids.jeanne = (await p.patient.create({ data: { ...person, ...jeanne } })).id;
  ids.closed = (await p.patient.create({ data: { ...person, firstName: "Paul", sex: "M", ...closed, recordStatus: "CLOSED", closedAt: new Date() } })).id;
  for (const professionalId of [ids.gp, ids.blocked]) {
    await p.professionalAuthorization.create({ data: { patientId: ids.jeanne, professionalId, consentAt: new Date(), recordedById: professionalId } });
  }
  await p.professionalAuthorization.create({ data: { patientId: ids.closed, professionalId: ids.gp, consentAt: new Date(), recordedById: ids.gp } });
  await p.patientBlock.create({ data: { patientId: ids.jeanne, professionalId: ids.blocked } });
  await p.habilitationRule.createMany({
    data: [
      { profession: "10", specialty: "*", typeCode: "34112-3", canRead: true },
      { profession: "10", specialty: "*", typeCode: "11488-4", canRead: true },
    ],
  });
  const server = await serveFetchHandler((request) => routeApiRequest({ db: p }, request));
  origin = server.origin;
  close = server.close;
  const certificate = await issueStructureCertificate(p, hospital.id);
  tokens.hospital = await requestToken(
    await signClientAssertion({ key: await importEcPrivateKey(certificate.privateKeyPem), chainPem: [certificate.certificatePem], tokenUrl: `${origin}/api/oauth/token` }),
  );
  tokens.gp = await cardToken(ids.gp);
  tokens.stranger = await cardToken(ids.stranger);
  tokens.blocked = await cardToken(ids.blocked);

  // Three submissions: A (one visible document, one masked from professionals), B, then C replacing B's.
  uniqueIds.a1 = uid();
  uniqueIds.a2Masked = uid();
  uniqueIds.b1Replaced = uid();
  uniqueIds.c1 = uid();
  await feed(doc({ uniqueId: uniqueIds.a1, serviceDate: "2026-01-05" }), doc({ uniqueId: uniqueIds.a2Masked, typeCode: "11488-4", title: "Consultation", masking: { hiddenFromPros: true } }));
  await feed(doc({ uniqueId: uniqueIds.b1Replaced, serviceDate: "2026-01-08" }));
  await feed(doc({ uniqueId: uniqueIds.c1, serviceDate: "2026-01-08", replacesUniqueId: uniqueIds.b1Replaced }));
});

afterAll(async () => {
  await close?.();
  await db?.cleanup();
});

describe("application/fhir+xml on every interaction", () => {
  it("ITI-65 in XML: the bundle is fed and the transaction-response comes back in XML", async () => {
    const input = doc({ serviceDate: "2026-01-02" });
    const xml = fhir.objToXml(buildProvideBundle([input], { sourceFiness: HOSPITAL_FINESS }));
    const response = await fetch(fhirBase(), {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.hospital}`, "content-type": "application/fhir+xml", accept: "application/fhir+xml", "x-dmp-professional": idNats.doctor },
      body: xml,
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+xml/);
    expect(text).toMatch(/^<\?xml[^>]*\?><Bundle xmlns="http:\/\/hl7.org\/fhir">/);
    const answer = fhir.xmlToObj(text) as unknown as { type: string; entry: { response: { status: string; location?: string } }[] };
    expectValidFhir(answer);
    expect(answer.type).toBe("transaction-response");
    const stored = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId: input.uniqueId } });
    expect(answer.entry.map((e) => e.response.location)).toContain(`DocumentReference/${stored.id}/_history/1`);
    expect(Buffer.from((await db.prisma.documentContent.findUniqueOrThrow({ where: { documentId: stored.id } })).data).equals(Buffer.from(PDF))).toBe(true);
  });

  it("ITI-67 answers the same Bundle in XML, by _format or by Accept", async () => {
    const json = await getJson(documentSearch({}), tokens.gp);
    for (const [query, accept] of [
      [documentSearch({ _format: "xml" }), "application/fhir+json"],
      [documentSearch({ _format: "application/fhir+xml" }), "*/*"],
      [documentSearch({}), "application/fhir+xml"],
    ] as const) {
      const response = await fetch(`${fhirBase()}${query}`, { headers: { authorization: `Bearer ${tokens.gp}`, accept } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+xml/);
      const xml = fhir.xmlToObj(await response.text()) as TBundle;
      expectValid(xml);
      expect(withoutLinks(xml)).toEqual(withoutLinks(json));
    }
    // _format=json wins over an Accept asking for XML.
    const asJson = await fetch(`${fhirBase()}${documentSearch({ _format: "json" })}`, { headers: { authorization: `Bearer ${tokens.gp}`, accept: "application/fhir+xml" } });
    expect(asJson.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  });

  it("errors are OperationOutcomes in XML too; a malformed XML body is a French 400; an unknown _format a 406", async () => {
    const unauthenticated = await fetch(`${fhirBase()}${documentSearch({})}`, { headers: { accept: "application/fhir+xml" } });
    expect(unauthenticated.status).toBe(401);
    const outcome = fhir.xmlToObj(await unauthenticated.text()) as { resourceType: string; issue: { diagnostics: string }[] };
    expectValidFhir(outcome);
    expect(outcome.resourceType).toBe("OperationOutcome");
    expect(outcome.issue[0]?.diagnostics).toMatch(/Authentification requise/);

    const malformed = await fetch(fhirBase(), {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.hospital}`, "content-type": "application/fhir+xml", "x-dmp-professional": idNats.doctor },
      body: "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"/></Patient>",
    });
    expect(malformed.status).toBe(400);
    const malformedOutcome = (await malformed.json()) as { issue: { diagnostics: string }[] };
    expectValidFhir(malformedOutcome);
    expect(malformedOutcome.issue[0]?.diagnostics).toMatch(/XML FHIR mal formé/);

    const turtle = await fetch(`${fhirBase()}${documentSearch({ _format: "turtle" })}`, { headers: { authorization: `Bearer ${tokens.gp}` } });
    expect(turtle.status).toBe(406);
    expectValidFhir(await turtle.json());
  });

  it("metadata, ITI-66, the patient lookup and ITI-68 (Binary resource) answer in XML", async () => {
    const [first] = (await getJson(documentSearch({}), tokens.gp)).entry ?? [];
    for (const [query, token] of [
      ["/metadata", tokens.gp],
      [`/List?patient.identifier=${INS}|${jeanne.nir}`, tokens.gp],
      [`/Patient?identifier=${INS}|${jeanne.nir}`, tokens.gp],
      [`/Binary/${first?.resource.id}`, tokens.gp],
    ] as const) {
      const response = await fetch(`${fhirBase()}${query}`, { headers: { authorization: `Bearer ${token}`, accept: "application/fhir+xml" } });
      expect(response.status, query).toBe(200);
      expect(response.headers.get("content-type"), query).toMatch(/^application\/fhir\+xml/);
      const resource = fhir.xmlToObj(await response.text()) as TBundle & { data?: string };
      expectValid(resource);
      if (query.startsWith("/Binary")) expect(Buffer.from(resource.data as string, "base64").equals(Buffer.from(PDF))).toBe(true);
      else expect(resource.entry?.length ?? 1, query).toBeGreaterThan(0);
    }
  });
});

describe("ITI-67 as MHD consumers search", () => {
  it("by `patient` (the Patient the lookup returns) as by `patient.identifier`", async () => {
    const lookup = await getJson(`/Patient?identifier=${INS}|${jeanne.nir}`, tokens.gp);
    const patientId = lookup.entry?.[0]?.resource.id as string;
    expect(patientId).toBe(ids.jeanne);
    const byIdentifier = await getJson(documentSearch({}), tokens.gp);
    for (const reference of [`Patient/${patientId}`, `${fhirBase()}/Patient/${patientId}`]) {
      const byReference = await getJson(`/DocumentReference?${new URLSearchParams({ patient: reference }).toString()}`, tokens.gp);
      expect(uniqueIdsOf(byReference)).toEqual(uniqueIdsOf(byIdentifier));
    }
    expect(uniqueIdsOf(byIdentifier).length).toBeGreaterThan(0);
    // A record the caller may not open answers like an unknown one.
    expect((await getJson(`/DocumentReference?patient=Patient/${ids.jeanne}`, tokens.stranger)).entry).toBeUndefined();
    expect((await getJson(`/DocumentReference?patient=Patient/inconnu`, tokens.gp)).entry).toBeUndefined();
  });

  it("by POST DocumentReference/_search with a form-encoded body, as by GET", async () => {
    const response = await fetch(`${fhirBase()}/DocumentReference/_search`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.gp}`, "content-type": "application/x-www-form-urlencoded", accept: "application/fhir+json" },
      body: new URLSearchParams({ "patient.identifier": `${INS}|${jeanne.nir}`, status: "current,superseded" }).toString(),
    });
    expect(response.status).toBe(200);
    const posted = (await response.json()) as TBundle;
    expectValid(posted);
    expect(uniqueIdsOf(posted)).toEqual(uniqueIdsOf(await getJson(documentSearch({ status: "current,superseded" }), tokens.gp)));
    expect(posted.link?.find((l) => l.relation === "self")?.url).toMatch(/\/DocumentReference\?patient\.identifier=/);
    const json = await fetch(`${fhirBase()}/DocumentReference/_search`, { method: "POST", headers: { authorization: `Bearer ${tokens.gp}`, "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
  });

  it("status takes a comma-separated list; current alone by default", async () => {
    const current = await getJson(documentSearch({}), tokens.gp);
    expect(uniqueIdsOf(current)).not.toContain(uniqueIds.b1Replaced);
    expect(uniqueIdsOf(current)).toEqual(expect.arrayContaining([uniqueIds.a1, uniqueIds.c1]));
    const both = await getJson(documentSearch({ status: "current,superseded" }), tokens.gp);
    expect(uniqueIdsOf(both)).toEqual([...uniqueIdsOf(current), uniqueIds.b1Replaced].sort());
    expect(both.total).toBe(uniqueIdsOf(current).length + 1);
    const superseded = (both.entry ?? []).find((e) => e.resource.status === "superseded");
    expect((superseded?.resource.masterIdentifier as { value: string }).value).toBe(`urn:oid:${uniqueIds.b1Replaced}`);
  });

  it("_count=0 answers the total alone, without entry (the masked document not counted)", async () => {
    const all = await getJson(documentSearch({ status: "current,superseded" }), tokens.gp);
    const counted = await getJson(documentSearch({ status: "current,superseded", _count: "0" }), tokens.gp);
    expect(counted.entry).toBeUndefined();
    expect(counted.total).toBe(all.entry?.length);
    expect(uniqueIdsOf(all)).not.toContain(uniqueIds.a2Masked);
  });

  it("no DocumentReference carries docStatus, which MHD Minimal forbids", async () => {
    const all = await getJson(documentSearch({ status: "current,superseded" }), tokens.gp);
    for (const entry of all.entry ?? []) {
      expect(entry.resource).not.toHaveProperty("docStatus");
      expect((entry.resource.subject as { identifier: { system: string } }).identifier.system).toBe(INS);
    }
  });
});

describe("ITI-66 Find Document Lists (SubmissionSets)", () => {
  const lists = (token: string, params: Record<string, string> = {}) =>
    getJson(`/List?${new URLSearchParams({ "patient.identifier": `${INS}|${jeanne.nir}`, code: "submissionset", ...params }).toString()}`, token);

  it("returns each submission as an MHD SubmissionSet listing the documents the reader may read, traced", async () => {
    const before = await db.prisma.trace.count({ where: { patientId: ids.jeanne, actorId: ids.gp, action: "RECORD_VIEW", outcome: "ALLOWED" } });
    const bundle = await lists(tokens.gp);
    expect(await db.prisma.trace.count({ where: { patientId: ids.jeanne, actorId: ids.gp, action: "RECORD_VIEW", outcome: "ALLOWED" } })).toBe(before + 1);
    const sets = (bundle.entry ?? []).map((e) => e.resource as unknown as { id: string; entry: { item: { reference: string } }[] });
    // A, B, C and the XML submission of the first test (when run in order).
    expect(sets.length).toBeGreaterThanOrEqual(3);
    expect(bundle.total).toBe(sets.length);
    for (const set of sets) {
      expect(set).toMatchObject({
        resourceType: "List",
        meta: { profile: ["https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.SubmissionSet"] },
        status: "current",
        mode: "working",
        code: { coding: [{ system: "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", code: "submissionset" }] },
        subject: { identifier: { system: INS, value: jeanne.nir } },
        source: { identifier: { value: idNats.doctor } },
      });
    }
    const idOf = async (uniqueId: string) => `DocumentReference/${(await db.prisma.document.findUniqueOrThrow({ where: { uniqueId } })).id}`;
    const a1 = await idOf(uniqueIds.a1);
    const a2 = await idOf(uniqueIds.a2Masked);
    const submissionA = sets.find((s) => s.entry.some((e) => e.item.reference === a1));
    // The document masked from professionals is not listed, though it was in the same submission.
    expect(submissionA?.entry.map((e) => e.item.reference)).toEqual([a1]);
    expect(sets.some((s) => s.entry.some((e) => e.item.reference === a2))).toBe(false);
    // The author, who may read the masked document, sees it in the same set (same id).
    await db.prisma.professionalAuthorization.create({ data: { patientId: ids.jeanne, professionalId: ids.doctor, consentAt: new Date(), recordedById: ids.doctor } });
    const asAuthor = await lists(await cardToken(ids.doctor));
    const authorSetA = (asAuthor.entry ?? []).find((e) => e.resource.id === submissionA?.id)?.resource as { entry: { item: { reference: string } }[] } | undefined;
    expect(authorSetA?.entry.map((e) => e.item.reference).sort()).toEqual([a1, a2].sort());
  });

  it("a professional the policy refuses gets what an unknown patient gets, and a REFUSED trace", async () => {
    const refused = await lists(tokens.stranger);
    const unknown = await getJson(`/List?${new URLSearchParams({ "patient.identifier": `${INS}|${unknownNir}`, code: "submissionset" }).toString()}`, tokens.stranger);
    expect(withoutLinks(refused)).toEqual(withoutLinks(unknown));
    expect(refused).toMatchObject({ type: "searchset", total: 0 });
    expect(await db.prisma.trace.count({ where: { patientId: ids.jeanne, actorId: ids.stranger, action: "RECORD_VIEW", outcome: "REFUSED" } })).toBeGreaterThan(0);
    expect(withoutLinks(await lists(tokens.blocked))).toEqual(withoutLinks(unknown));
  });

  it("filters by code, status, source.identifier, identifier, date; _count=0 gives the total", async () => {
    const all = await lists(tokens.gp);
    const n = all.entry?.length ?? 0;
    expect((await lists(tokens.gp, { code: "folder" })).total).toBe(0);
    expect((await lists(tokens.gp, { status: "retired" })).total).toBe(0);
    expect((await lists(tokens.gp, { status: "current" })).total).toBe(n);
    expect((await lists(tokens.gp, { "source.identifier": `urn:oid:1.2.250.1.71.4.2.1|${idNats.doctor}` })).total).toBe(n);
    expect((await lists(tokens.gp, { "source.identifier": idNats.gp })).total).toBe(0);
    const first = all.entry?.[0]?.resource as { id: string; identifier: { value: string }[] };
    const byIdentifier = await lists(tokens.gp, { identifier: `urn:ietf:rfc:3986|${first.identifier[0]?.value}` });
    expect(byIdentifier.entry?.map((e) => e.resource.id)).toEqual([first.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await lists(tokens.gp, { date: `ge${today}` })).total).toBe(n);
    expect((await lists(tokens.gp, { date: `lt${today}` })).total).toBe(0);
    const counted = await lists(tokens.gp, { _count: "0" });
    expect(counted.total).toBe(n);
    expect(counted.entry).toBeUndefined();
  });
});

describe("patient lookup by INS (PDQm ITI-78 style)", () => {
  const lookup = (token: string, nir: string) => getJson(`/Patient?identifier=${encodeURIComponent(`${INS}|${nir}`)}`, token);
  const lookupTraces = (actorId: string, outcome: "ALLOWED" | "REFUSED") => db.prisma.trace.count({ where: { actorId, action: "PATIENT_LOOKUP", outcome } });

  it("tells an authorized professional that the record exists, is open, and that they may open it; traced", async () => {
    const bundle = await lookup(tokens.gp, jeanne.nir);
    expect(bundle.total).toBe(1);
    expect(bundle.entry?.[0]?.resource).toMatchObject({
      resourceType: "Patient",
      id: ids.jeanne,
      active: true,
      identifier: [{ system: INS, value: jeanne.nir }],
      birthDate: jeanne.birthDate,
      extension: [{ url: RECORD_ACCESS_EXTENSION, valueCoding: { code: "AUTHORIZED" } }],
    });
    expect(await lookupTraces(ids.gp, "ALLOWED")).toBeGreaterThan(0);
  });

  it("tells a professional without access that the record exists and that they have no access yet", async () => {
    const bundle = await lookup(tokens.stranger, jeanne.nir);
    expect(bundle.entry?.[0]?.resource).toMatchObject({ id: ids.jeanne, extension: [{ valueCoding: { code: "NONE" } }] });
  });

  it("a blocked professional and a closed record get exactly what an unknown INS gets, no sooner, and a REFUSED trace", async () => {
    const timed = async (token: string, nir: string) => {
      const started = performance.now();
      const bundle = await lookup(token, nir);
      return { bundle, ms: performance.now() - started };
    };
    const unknown = await timed(tokens.blocked, unknownNir);
    const blocked = await timed(tokens.blocked, jeanne.nir);
    const closedRecord = await timed(tokens.gp, closed.nir);
    for (const answer of [unknown, blocked, closedRecord]) {
      expect(withoutLinks(answer.bundle)).toEqual({ resourceType: "Bundle", type: "searchset", total: 0 });
      expect(answer.ms).toBeGreaterThanOrEqual(LOOKUP_FLOOR_MS - 2);
    }
    expect(await lookupTraces(ids.blocked, "REFUSED")).toBe(1);
    expect(await db.prisma.trace.count({ where: { patientId: ids.closed, actorId: ids.gp, action: "PATIENT_LOOKUP", outcome: "REFUSED" } })).toBe(1);
  });

  it("requires an INS", async () => {
    const response = await fetch(`${fhirBase()}/Patient?name=Test`, { headers: { authorization: `Bearer ${tokens.gp}` } });
    expect(response.status).toBe(400);
    expectValidFhir(await response.json());
  });
});
