/**
 * An ITI-65 bundle of many documents, as the feed writes it (one INSERT per table, one
 * transaction): every document comes with its trace, chained, and its notification; a
 * failure anywhere leaves no document, trace or notification; a trace chain that moves on
 * while the bundle is being checked stays linear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { buildProvideBundle, type TBundleDocumentInput } from "@/lib/fhir/build-provide-bundle";
import { appendTrace } from "@/lib/traces/append-trace";
import { verifyTraceChain } from "@/lib/traces/verify-chain";
import { onDirectStatement } from "@/lib/db/raw-sql";
import { ingestBundle, type TFeedCaller } from "./ingest-bundle";

let db: TTestDatabase;

/**
 * The database client, with `race` run once just before the bundle's write transaction
 * begins (another request's write between the checks and the write): at the direct
 * statement BEGIN IMMEDIATE (lib/db/raw-sql, SQLite), or when the write calls $transaction
 * (through Prisma, PostgreSQL).
 */
function racedBeforeWrite(race: () => Promise<void>) {
  let raced = false;
  const once = async () => {
    if (raced) return;
    raced = true;
    await race();
  };
  const original = db.prisma.$transaction.bind(db.prisma);
  const client = new Proxy(db.prisma, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return async (...args: Parameters<typeof original>) => {
        await once();
        return original(...args);
      };
    },
  });
  const stop = onDirectStatement(db.prisma, async (sql) => {
    if (sql === "BEGIN IMMEDIATE") await once();
  });
  return { client, stop, raced: () => raced };
}
let caller: TFeedCaller;
const FINESS = "750000019";
const DOCTOR = "810000000011";
type TPerson = { id: string; nir: string; birthDate: string };
const people: TPerson[] = [];
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  db = await createTestDatabase({ name: "ingest-bundle" });
  const p = db.prisma;
  const structure = await p.structure.create({ data: { finess: FINESS, name: "Hôpital test", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const doctor = await p.professional.create({ data: { idNat: DOCTOR, firstName: "Marc", lastName: "Hospitalier", title: "Dr", profession: "10", specialty: "SM04", structureId: structure.id } });
  caller = { mode: "INDIRECT", structureId: structure.id, professionalId: doctor.id };
  for (let i = 0; i < 20; i++) {
    const birthDate = `19${50 + i}-0${1 + (i % 9)}-1${i % 10}`;
    const nir = buildNir({ sex: i % 2 ? "F" : "M", birthDate, place: "75056", order: 100 + i });
    const { id } = await p.patient.create({ data: { nir, birthDate, firstName: `Personne${i}`, lastName: "Test", sex: i % 2 ? "F" : "M", department: "75" } });
    people.push({ id, nir, birthDate });
  }
});

afterAll(async () => {
  await db?.cleanup();
});

function documentFor(person: TPerson, overrides: Partial<TBundleDocumentInput> = {}): TBundleDocumentInput {
  return {
    uniqueId: `urn:uuid:${randomUUID()}`,
    patient: { nir: person.nir, birthDate: person.birthDate, birthRank: 1 },
    typeCode: "11488-4",
    title: "Compte rendu de consultation",
    authorIdNat: DOCTOR,
    custodianFiness: FINESS,
    serviceDate: today,
    content: { bytes: new TextEncoder().encode(`Compte rendu ${randomUUID()}`), contentType: "text/plain" },
    inlineContent: true,
    ...overrides,
  };
}

const bundleOf = (docs: TBundleDocumentInput[]) => buildProvideBundle(docs, { sourceFiness: FINESS });

async function counts() {
  const [documents, traces, notifications, contents] = await Promise.all([
    db.prisma.document.count(),
    db.prisma.trace.count(),
    db.prisma.notification.count(),
    db.prisma.documentContent.count(),
  ]);
  return { documents, traces, notifications, contents };
}

describe("ITI-65 bundles of several documents", () => {
  it("feeds 20 documents of 20 records: 20 documents with their content, 20 FEED_DOCUMENT traces chained on each record, 20 notifications, 20 submissions", async () => {
    const before = await counts();
    const docs = people.map((person) => documentFor(person));
    const result = await ingestBundle(db.prisma, caller, bundleOf(docs));
    expect(result.ok).toBe(true);
    expect(result.results.map((r) => r.status)).toEqual(docs.map(() => 201));
    const ids = result.results.map((r) => r.documentId as string);
    expect(new Set(ids).size).toBe(20);
    const stored = await db.prisma.document.findMany({ where: { id: { in: ids } }, include: { content: true } });
    expect(stored).toHaveLength(20);
    for (const [i, d] of docs.entries()) {
      const row = stored.find((s) => s.id === ids[i]);
      expect(row).toMatchObject({ uniqueId: d.uniqueId.toLowerCase(), patientId: people[i]?.id, source: "HOSPITAL_FEED", status: "ACTIVE", hiddenFromPros: false, size: d.content.bytes.length });
      expect(Buffer.from(row?.content?.data ?? []).equals(Buffer.from(d.content.bytes))).toBe(true);
    }
    const traces = await db.prisma.trace.findMany({ where: { documentId: { in: ids } } });
    expect(traces.map((t) => t.action)).toEqual(ids.map(() => "FEED_DOCUMENT"));
    expect(new Set(traces.map((t) => t.documentId))).toEqual(new Set(ids));
    for (const person of people) expect(await verifyTraceChain(db.prisma, person.id)).toBeNull();
    const notifications = await db.prisma.notification.findMany({ where: { patientId: { in: people.map((p) => p.id) } } });
    expect(notifications).toHaveLength(20);
    expect(notifications.every((n) => n.kind === "NEW_DOCUMENT" && n.body.includes("(Hôpital test) a ajouté"))).toBe(true);
    expect(await db.prisma.feedSubmission.count({ where: { documentId: { in: ids }, outcome: "FED_OK" } })).toBe(20);
    expect(await counts()).toEqual({ documents: before.documents + 20, traces: before.traces + 20, notifications: before.notifications + 20, contents: before.contents + 20 });
  });

  it("chains several documents of one record to each other, in bundle order", async () => {
    const person = people[0] as TPerson;
    const result = await ingestBundle(db.prisma, caller, bundleOf([documentFor(person, { title: "Premier" }), documentFor(person, { title: "Second" }), documentFor(person, { title: "Troisième" })]));
    expect(result.ok).toBe(true);
    const traces = await db.prisma.trace.findMany({ where: { patientId: person.id }, orderBy: { id: "asc" } });
    expect(traces.slice(-3).map((t) => t.documentId)).toEqual(result.results.map((r) => r.documentId));
    expect(await verifyTraceChain(db.prisma, person.id)).toBeNull();
  });

  it("is all or nothing: one refused document (identity) leaves no document, trace or notification of the 20, and 20 submission rows", async () => {
    const before = await counts();
    const submissions = await db.prisma.feedSubmission.count();
    const docs = people.map((person, i) => documentFor(person, i === 13 ? { patient: { nir: person.nir, birthDate: "1901-01-01", birthRank: 1 } } : {}));
    const result = await ingestBundle(db.prisma, caller, bundleOf(docs));
    expect(result.ok).toBe(false);
    expect(result.results[13]?.outcome).toBe("CERTIFICATION_KO");
    expect(result.results.filter((r) => r.outcome === "REJECTED")).toHaveLength(19);
    expect(await counts()).toEqual(before);
    expect(await db.prisma.feedSubmission.count()).toBe(submissions + 20);
  });

  it("is all or nothing when the write itself fails: a unique id taken meanwhile rolls back the whole batch, which is answered 409 with the document at fault", async () => {
    const before = await counts();
    const docs = people.slice(0, 5).map((person) => documentFor(person));
    // The third document's unique id is stored by someone else between the checks and the write.
    const taken = docs[2] as TBundleDocumentInput;
    const racing = racedBeforeWrite(async () => {
      await db.prisma.document.create({
        data: { uniqueId: taken.uniqueId.toLowerCase(), patientId: people[10]?.id as string, typeCode: "11488-4", classCode: "10", title: "x", serviceDate: new Date(), source: "PROFESSIONAL", mediaType: "text/plain", size: 1, sha256: "x" },
      });
    });
    // The batch fails on the UNIQUE index; planned again with the stored documents, the bundle is refused.
    const result = await ingestBundle(racing.client, caller, bundleOf(docs));
    racing.stop();
    expect(racing.raced()).toBe(true);
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(result.results[2]).toMatchObject({ status: 409, code: "duplicate" });
    expect(await counts()).toEqual({ ...before, documents: before.documents + 1 });
  });

  it("keeps the chains linear when a record's chain moves on between the checks and the write (the batch is done again)", async () => {
    const person = people[5] as TPerson;
    const docs = [documentFor(person), documentFor(people[6] as TPerson)];
    const racing = racedBeforeWrite(async () => {
      await appendTrace(db.prisma, { patientId: person.id, actorKind: "PATIENT", actorName: "Personne5 Test", action: "RECORD_VIEW" });
    });
    const result = await ingestBundle(racing.client, caller, bundleOf(docs));
    racing.stop();
    expect(result.ok).toBe(true);
    expect(racing.raced()).toBe(true);
    expect(await verifyTraceChain(db.prisma, person.id)).toBeNull();
    expect(await db.prisma.trace.count({ where: { documentId: { in: result.results.map((r) => r.documentId as string) } } })).toBe(2);
    expect(await db.prisma.notification.count({ where: { patientId: person.id, body: { contains: "(Hôpital test) a ajouté" } } })).toBeGreaterThanOrEqual(1);
  });
});
