/**
 * Issue 14: ITI-65 with one document per bundle costs few SQL statements, counted with
 * Prisma's query log (transaction control aside, as the bench counts them). A card holder
 * feeding their own document: the token's card (which also names the structure and the
 * submitter), the records with their blocks and oppositions, then one INSERT per table
 * (document, content, trace, notification, submission; on SQLite the trace's INSERT reads
 * its chain's head itself): 7 statements (on PostgreSQL, one more: the chain head read
 * under its lock). Main sent
 * 10 (the structure and submitter read again, the oppositions in a statement of their own,
 * the known documents read before each new unique id: the UNIQUE index answers that).
 */
import { randomUUID } from "node:crypto";
import { isTransactionControl } from "@/lib/db/query-plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createQueryLoggingPrismaClient } from "@/lib/db/create-client";
import { isPostgresqlUrl } from "@/lib/db/database-url";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { issueAccessToken } from "@/lib/oauth/access-token";
import { buildProvideBundle } from "./build-provide-bundle";
import { routeApiRequest } from "./http/router";
import { onDirectStatement } from "@/lib/db/raw-sql";

process.env.NEXTAUTH_SECRET ??= "secret-de-test-api-fhir-0123456789abcdef";

const FINESS = "750000019";
const DOCTOR = "810000000011";
let db: TTestDatabase;
let statements: string[] = [];
let logged: PrismaClient<"query">;
let patient: { nir: string; birthDate: string };
let opposedPatient: { nir: string; birthDate: string };
const bearer: Record<"card" | "structure", string> = { card: "", structure: "" };


beforeAll(async () => {
  db = await createTestDatabase({ name: "provide-bundle-statements" });
  const p = db.prisma;
  const structure = await p.structure.create({ data: { finess: FINESS, name: "Hôpital test", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const doctor = await p.professional.create({ data: { idNat: DOCTOR, firstName: "Marc", lastName: "Hospitalier", title: "Dr", profession: "10", specialty: "SM04", structureId: structure.id } });
  const expiresAt = new Date(Date.now() + 365 * 86_400_000);
  await p.cpsCard.create({ data: { serial: "CARTE-1", professionalId: doctor.id, certificatePem: "-", pinHash: "-", pukHash: "-", expiresAt } });
  await p.structureCertificate.create({ data: { serial: "CERT-1", structureId: structure.id, certificatePem: "-", expiresAt } });
  const people = [];
  for (const [i, birthDate] of ["1961-02-13", "1972-03-14"].entries()) {
    const nir = buildNir({ sex: "F", birthDate, place: "75056", order: 200 + i });
    const { id } = await p.patient.create({ data: { nir, birthDate, firstName: `Personne${i}`, lastName: "Test", sex: "F", department: "75" } });
    people.push({ id, nir, birthDate });
  }
  [patient, opposedPatient] = people as [{ id: string; nir: string; birthDate: string }, { id: string; nir: string; birthDate: string }];
  await p.feedOpposition.create({ data: { patientId: people[1]!.id, professionalId: doctor.id, requestedByAccountId: "compte-test", createdAt: new Date() } });
  bearer.card = (await issueAccessToken({ kind: "CARD", certificateSerial: "CARTE-1", keyGeneration: 1, professionalId: doctor.id, structureId: structure.id })).access_token;
  bearer.structure = (await issueAccessToken({ kind: "STRUCTURE", certificateSerial: "CERT-1", structureId: structure.id })).access_token;
  logged = createQueryLoggingPrismaClient(db.url);
  logged.$on("query", (e: { query: string }) => statements.push(e.query));
  onDirectStatement(logged, (sql) => {
    statements.push(sql);
  });
});

afterAll(async () => {
  await logged?.$disconnect();
  await db?.cleanup();
});

function provide(token: string, person: { nir: string; birthDate: string }, headers: Record<string, string> = {}): Request {
  const bundle = buildProvideBundle(
    [
      {
        uniqueId: `urn:uuid:${randomUUID()}`,
        patient: { nir: person.nir, birthDate: person.birthDate, birthRank: 1 },
        typeCode: "11488-4",
        title: "Compte rendu de consultation",
        authorIdNat: DOCTOR,
        custodianFiness: FINESS,
        serviceDate: new Date().toISOString().slice(0, 10),
        content: { bytes: new TextEncoder().encode(`Compte rendu ${randomUUID()}`), contentType: "text/plain" },
        inlineContent: true,
      },
    ],
    { sourceFiness: FINESS },
  );
  return new Request("http://api.test/api/fhir", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json", accept: "application/fhir+json", ...headers },
    body: JSON.stringify(bundle),
  });
}

/** PostgreSQL writes in a transaction that locks the record's trace chain and reads its head there (lib/feed writeFeed). */
const chainHeadReadAgain = () => (isPostgresqlUrl(db.url) ? 1 : 0);

/** The statements one call sends, transaction control and PostgreSQL's chain locks aside. */
async function countStatements(request: Request): Promise<{ status: number; statements: string[] }> {
  statements = [];
  const response = await routeApiRequest({ db: logged }, request);
  await response.arrayBuffer();
  return { status: response.status, statements: statements.filter((q) => !isTransactionControl(q) && !/pg_advisory_xact_lock/.test(q)) };
}

describe("ITI-65, one document per bundle", () => {
  it("a card holder's own document: 7 statements, the structure and the submitter taken from the token's statement", async () => {
    const { status, statements: sent } = await countStatements(provide(bearer.card, patient));
    expect(status).toBe(200);
    expect(sent).toHaveLength(7 + chainHeadReadAgain());
    expect(sent.filter((q) => /FROM\s+Structure\s/i.test(q))).toHaveLength(0);
    expect(sent.filter((q) => /FeedOpposition/.test(q))).toHaveLength(1); // inside the record lookup
  });

  it("indirect mode naming the author: 8 statements (the named professional is read once)", async () => {
    const { status, statements: sent } = await countStatements(provide(bearer.structure, patient, { "x-dmp-professional": DOCTOR }));
    expect(status).toBe(200);
    expect(sent).toHaveLength(8 + chainHeadReadAgain());
  });

  it("an identical resend still answers « déjà intégré » and a different one 409, writing no second document", async () => {
    const before = await db.prisma.document.count();
    const first = provide(bearer.card, patient);
    const body = await first.clone().text();
    type TAnswer = { entry: { response: { status: string; location: string } }[] };
    const documentEntry = (answer: TAnswer) => answer.entry.find((e) => e.response.location.startsWith("DocumentReference/"))?.response;
    const fed = await routeApiRequest({ db: logged }, first);
    expect(fed.status).toBe(200);
    const created = documentEntry((await fed.json()) as TAnswer);
    expect(created?.status).toBe("201 Created");
    const resent = await routeApiRequest({ db: logged }, new Request("http://api.test/api/fhir", { method: "POST", headers: first.headers, body }));
    expect(resent.status).toBe(200);
    // The same document, already there: 200, not a second 201.
    expect(documentEntry((await resent.json()) as TAnswer)).toEqual({ ...created, status: "200 OK" });
    const altered = body.replace("Compte rendu de consultation", "Autre titre");
    const conflict = await routeApiRequest({ db: logged }, new Request("http://api.test/api/fhir", { method: "POST", headers: first.headers, body: altered }));
    expect(conflict.status).toBe(409);
    expect(await db.prisma.document.count()).toBe(before + 1);
  });

  it("a record whose patient opposed the author is still refused: the opposition is then read in full", async () => {
    const { status } = await countStatements(provide(bearer.card, opposedPatient));
    expect(status).toBe(403);
    expect(statements.filter((q) => /FeedOpposition/.test(q)).length).toBeGreaterThanOrEqual(2);
    expect(await db.prisma.document.count({ where: { patient: { nir: opposedPatient.nir } } })).toBe(0);
  });
});
