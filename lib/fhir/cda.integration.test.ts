/**
 * ITI-65 with CDA R2 documents over real HTTP, as a DMP-compatible software sends them:
 * the attachment is text/xml with a CI-SIS formatCode, and the CDA header must agree with
 * the DocumentReference (patient INS, author, type, dates) or the bundle is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { expectValidFhir } from "@/lib/testing/fhir-validators";
import { buildNir } from "@/lib/identity/nir";
import { issueStructureCertificate } from "@/lib/pki/issue-structure-certificate";
import { importEcPrivateKey, signClientAssertion } from "@/lib/oauth/sign-client-assertion";
import { buildCda, type TCdaBuildInput } from "@/lib/cda/build-cda";
import { CDA_FORMATS, cdaFormatCoding } from "@/lib/cda/constants";
import { hostileSection, sampleVsmSections, tinyPdf } from "@/lib/cda/sample-documents";
import { buildProvideBundle, type TBundleDocumentInput } from "./build-provide-bundle";
import { serveFetchHandler } from "./http/node-adapter";
import { routeApiRequest } from "./http/router";

process.env.NEXTAUTH_SECRET ??= "secret-de-test-api-fhir-cda-0123456789abcdef";

const FINESS = "750000019";
const DOCTOR = "810000000011";
const PDF_FORMAT = CDA_FORMATS.find((f) => f.body === "pdf")!;
const VSM_FORMAT = CDA_FORMATS.find((f) => f.code === "urn:asip:ci-sis:vsm:2012")!;
const jeanne = { nir: buildNir({ sex: "F", birthDate: "1980-03-15", place: "75056", order: 12 }), birthDate: "1980-03-15", birthRank: 1 };
const paul = { nir: buildNir({ sex: "M", birthDate: "1975-07-02", place: "69123", order: 7 }), birthDate: "1975-07-02", birthRank: 1 };

let db: TTestDatabase;
let origin: string;
let close: () => Promise<void>;
let token: string;
let jeanneId: string;

type TCase = { cda?: Partial<TCdaBuildInput>; dr?: Partial<TBundleDocumentInput>; format?: typeof VSM_FORMAT | null };

/** A bundle with one CDA whose header says the same as its DocumentReference, unless the case changes one side. */
function cdaBundle(c: TCase = {}) {
  const now = new Date();
  const uniqueId = `1.2.250.1.213.1.1.9.77.${Math.floor(Math.random() * 1e9)}`;
  const format = c.format === undefined ? VSM_FORMAT : c.format;
  const cda: TCdaBuildInput = {
    uniqueId,
    typeCode: "60591-5",
    title: "Synthèse médicale",
    createdAt: now,
    serviceDate: "2026-01-10",
    patient: { nir: jeanne.nir, birthDate: jeanne.birthDate, family: "TEST", given: "Jeanne", sex: "F" },
    author: { idNat: DOCTOR, family: "MÉDECIN", given: "Test", prefix: "Dr" },
    custodian: { finess: FINESS, name: "Hôpital de test" },
    body: format?.body === "pdf" ? { kind: "pdf", pdf: tinyPdf() } : { kind: "structured", volet: "vsm", sections: sampleVsmSections() },
    ...c.cda,
  };
  const input: TBundleDocumentInput = {
    uniqueId,
    patient: { ...jeanne },
    typeCode: cda.typeCode,
    title: cda.title,
    authorIdNat: DOCTOR,
    custodianFiness: FINESS,
    serviceDate: cda.serviceDate,
    content: { bytes: new TextEncoder().encode(buildCda(cda)), contentType: "text/xml" },
    ...(format ? { format: cdaFormatCoding(format) } : {}),
    ...c.dr,
  };
  return { uniqueId, bundle: buildProvideBundle([input], { sourceFiness: FINESS, now }) };
}

type TOutcome = { resourceType: string; issue: { diagnostics: string }[] };

async function post(bundle: unknown): Promise<{ status: number; body: TOutcome & { entry?: { response: { location?: string } }[] } }> {
  const response = await fetch(`${origin}/api/fhir`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json", accept: "application/fhir+json" },
    body: JSON.stringify(bundle),
  });
  const body = (await response.json()) as TOutcome;
  expectValidFhir(body);
  return { status: response.status, body };
}

async function expectRefused(c: TCase, message: RegExp): Promise<void> {
  const { uniqueId, bundle } = cdaBundle(c);
  const { status, body } = await post(bundle);
  expect(status).toBe(422);
  expect(body.resourceType).toBe("OperationOutcome");
  expect(body.issue[0]?.diagnostics).toMatch(message);
  expect(await db.prisma.document.count({ where: { uniqueId } })).toBe(0);
  expect((await db.prisma.feedSubmission.findMany({ where: { documentUniqueId: uniqueId } })).map((s) => s.outcome)).toEqual(["REJECTED"]);
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "api-fhir-cda" });
  const p = db.prisma;
  const hospital = await p.structure.create({ data: { finess: FINESS, name: "Hôpital de test", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const doctor = await p.professional.create({ data: { idNat: DOCTOR, firstName: "Test", lastName: "Médecin", profession: "10", specialty: "SM04", structureId: hospital.id, kind: "HEALTH_PROFESSIONAL" } });
  const person = { lastName: "Test", department: "75" };
  jeanneId = (await p.patient.create({ data: { ...person, firstName: "Jeanne", sex: "F", ...jeanne } })).id;
  await p.patient.create({ data: { ...person, firstName: "Paul", sex: "M", ...paul } });
  await p.professionalAuthorization.create({ data: { patientId: jeanneId, professionalId: doctor.id, consentAt: new Date(), recordedById: doctor.id } });
  await p.habilitationRule.create({ data: { profession: "10", specialty: "*", typeCode: "60591-5", canRead: true } });
  const server = await serveFetchHandler((request) => routeApiRequest({ db: p, now: () => new Date() }, request));
  origin = server.origin;
  close = server.close;
  const certificate = await issueStructureCertificate(p, hospital.id);
  const key = await importEcPrivateKey(certificate.privateKeyPem);
  const assertion = await signClientAssertion({ key, chainPem: [certificate.certificatePem], tokenUrl: `${origin}/api/oauth/token` });
  const response = await fetch(`${origin}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion }).toString(),
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await close?.();
  await db?.cleanup();
});

describe("ITI-65 with a CDA R2 document", () => {
  it("feeds a VSM (structured body): stored as text/xml, returned as is by ITI-68", async () => {
    const { uniqueId, bundle } = cdaBundle();
    const { status, body } = await post(bundle);
    expect(status).toBe(200);
    const stored = await db.prisma.document.findUniqueOrThrow({ where: { uniqueId }, include: { content: true } });
    expect(stored).toMatchObject({ patientId: jeanneId, typeCode: "60591-5", mediaType: "text/xml" });
    expect(Buffer.from(stored.content?.data ?? []).toString("utf8")).toContain("<title>Traitements au long cours</title>");
    expect(body.entry?.some((e) => e.response.location?.startsWith("DocumentReference/"))).toBe(true);
    const binary = await fetch(`${origin}/api/fhir/Binary/${stored.id}`, { headers: { authorization: `Bearer ${token}`, "x-dmp-professional": DOCTOR } });
    expect(binary.status).toBe(200);
    expect(binary.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(Buffer.from(await binary.arrayBuffer()).equals(Buffer.from(stored.content?.data ?? []))).toBe(true);
  });

  it("feeds a CDA in structuration minimale with its PDF in nonXMLBody", async () => {
    const { uniqueId, bundle } = cdaBundle({ format: PDF_FORMAT, cda: { typeCode: "34112-3", title: "Compte rendu d'hospitalisation" } });
    expect((await post(bundle)).status).toBe(200);
    expect(await db.prisma.document.findUniqueOrThrow({ where: { uniqueId } })).toMatchObject({ typeCode: "34112-3", mediaType: "text/xml" });
  });

  it("feeds a CDA whose narrative holds script: stored, never interpreted (the portals render the parsed tree)", async () => {
    const { uniqueId, bundle } = cdaBundle({ cda: { body: { kind: "structured", volet: "vsm", sections: [hostileSection()] } } });
    expect((await post(bundle)).status).toBe(200);
    expect(await db.prisma.document.count({ where: { uniqueId } })).toBe(1);
  });

  it("refuses a CDA about another patient (INS in recordTarget)", async () => {
    await expectRefused({ cda: { patient: { nir: paul.nir, birthDate: paul.birthDate, family: "TEST", given: "Paul" } } }, /ne correspond pas à sa DocumentReference : l'INS du patient diffère \(CDA : \d{15}, DocumentReference : \d{15}\)/);
  });

  it("refuses a CDA whose author is not the DocumentReference's", async () => {
    await expectRefused({ cda: { author: { idNat: "810000000099", family: "AUTRE", given: "Médecin" } } }, /l'auteur diffère \(CDA : 810000000099, DocumentReference : 810000000011\)/);
  });

  it("refuses a CDA whose type differs from DocumentReference.type", async () => {
    await expectRefused({ dr: { typeCode: "11488-4" } }, /le type de document diffère \(CDA code\/@code : 60591-5, DocumentReference.type : 11488-4\)/);
  });

  it("refuses a CDA whose effectiveTime or act date differs from DocumentReference.date / period", async () => {
    await expectRefused({ cda: { createdAt: new Date("2025-12-01T10:00:00Z") } }, /la date du document diffère \(CDA effectiveTime : 20251201100000\+0000, DocumentReference.date : /);
    await expectRefused({ dr: { serviceDate: "2026-01-09" } }, /la date de l'acte diffère \(CDA serviceEvent\/effectiveTime\/low : 20260110, DocumentReference.context.period.start : 2026-01-09\)/);
  });

  it("refuses a CDA without formatCode, or whose body is not the one its formatCode announces", async () => {
    await expectRefused({ format: null }, /formatCode CI-SIS obligatoire/);
    await expectRefused({ cda: { body: { kind: "pdf", pdf: tinyPdf() } } }, /annonce un corps structuré/);
  });

  it("refuses a CDA above 10 MB with 413, before parsing it", async () => {
    const { uniqueId, bundle } = cdaBundle({ format: PDF_FORMAT, cda: { typeCode: "34112-3", body: { kind: "pdf", pdf: new Uint8Array(Buffer.concat([Buffer.from(tinyPdf()), Buffer.alloc(8_000_000, 0x20)])) } } });
    const { status, body } = await post(bundle);
    expect(status).toBe(413);
    expect(body.issue[0]?.diagnostics).toMatch(/10 Mo/);
    expect(await db.prisma.document.count({ where: { uniqueId } })).toBe(0);
  });

  it("refuses XML that is not a safe, well-formed CDA (DOCTYPE, external entity)", async () => {
    const { uniqueId, bundle } = cdaBundle();
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><ClinicalDocument xmlns="urn:hl7-org:v3">&x;</ClinicalDocument>`;
    const base64 = Buffer.from(xxe).toString("base64");
    for (const entry of bundle.entry) {
      const resource = entry.resource as { resourceType: string; data?: string; content?: { attachment: Record<string, unknown> }[] };
      if (resource.resourceType === "Binary") resource.data = base64;
      if (resource.resourceType === "DocumentReference") {
        delete resource.content![0]!.attachment.size;
        delete resource.content![0]!.attachment.hash;
      }
    }
    const { status, body } = await post(bundle);
    expect(status).toBe(422);
    expect(body.issue[0]?.diagnostics).toMatch(/n'est pas un XML bien formé|DOCTYPE/);
    expect(await db.prisma.document.count({ where: { uniqueId } })).toBe(0);
  });
});
