import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { isValidNir } from "@/lib/identity/nir";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { verifyTraceChain } from "@/lib/traces/verify-chain";
import { canRead, describeDecision, loadAccessContext, type TProfessionalActor } from "@/lib/access";
import { generateLargeDatabase, type TLargeSeedResult } from "@/prisma/seed-large/generate-large-database";

const PATIENTS = 50;

describe("generateLargeDatabase", () => {
  let db: TTestDatabase;
  let result: TLargeSeedResult;

  beforeAll(async () => {
    db = await createTestDatabase({ name: "large" });
    result = await generateLargeDatabase({ database: db.url, patients: PATIENTS, now: new Date("2026-11-26T12:00:00Z"), benchmarkDocuments: 120, benchmarkTraces: 600 });
  }, 120_000);

  afterAll(async () => db?.cleanup());

  it("writes the expected volumes", async () => {
    expect(await db.prisma.patient.count()).toBe(PATIENTS);
    expect(await db.prisma.document.count()).toBe(result.documents);
    expect(result.documents).toBe(120 + (PATIENTS - 1) * 10);
    expect(await db.prisma.documentContent.count()).toBe(result.documents);
    expect(await db.prisma.trace.count()).toBe(result.traces);
    // The many-documents record has one trace per document plus its 6 others.
    expect(result.traces).toBe(120 + 6 + 600 + (PATIENTS - 2) * 30);
    expect(await db.prisma.reimbursementItem.count()).toBe(result.reimbursements);
    expect(result.reimbursements / PATIENTS).toBeGreaterThan(8);
    expect(await db.prisma.beneficiary.count({ where: { patientId: null } })).toBeGreaterThan(0);
    expect(await db.prisma.habilitationRule.count()).toBeGreaterThan(400);
  });

  it("is read back by Prisma with the right types", async () => {
    const patient = await db.prisma.patient.findFirstOrThrow({
      include: { documents: { take: 3, include: { content: true } }, reimbursements: { take: 3 }, authorizations: true, account: true, beneficiary: true },
      orderBy: { id: "asc" },
    });
    expect(isValidNir(patient.nir)).toBe(true);
    expect(patient.recordOpenedAt).toBeInstanceOf(Date);
    expect(patient.recordOpenedAt.getTime()).toBeLessThan(Date.parse("2026-11-26T12:00:00Z"));
    expect(typeof patient.breakGlassAllowed).toBe("boolean");
    expect(patient.recordStatus).toBe("OPEN");
    expect(patient.beneficiary?.nir).toBe(patient.nir);
    expect(patient.authorizations.length).toBe(2);
    const doc = patient.documents[0];
    expect(doc?.serviceDate).toBeInstanceOf(Date);
    expect(typeof doc?.hiddenFromPros).toBe("boolean");
    expect(Buffer.from(doc?.content?.data ?? new Uint8Array()).toString("utf8")).toContain(patient.lastName.toUpperCase());
    expect(["PHARMACY", "HOSPITAL_STAY", "CARE", "RADIOLOGY"]).toContain(patient.reimbursements[0]?.category);
  });

  it("keeps a valid trace chain for every record", async () => {
    for (const p of await db.prisma.patient.findMany({ select: { id: true } })) {
      expect(await verifyTraceChain(db.prisma, p.id)).toBeNull();
    }
  });

  it("writes each fed document's trace as the feed does: the professional who submitted with the structure, the author in the detail", async () => {
    const traces = await db.prisma.trace.findMany({ where: { action: "FEED_DOCUMENT" } });
    expect(traces.length).toBeGreaterThan(0);
    const documents = await db.prisma.document.findMany({
      where: { id: { in: traces.map((t) => t.documentId ?? "") } },
      include: { author: true, structure: true },
    });
    const byId = new Map(documents.map((d) => [d.id, d]));
    for (const t of traces) {
      const doc = byId.get(t.documentId ?? "");
      expect(doc?.source).toBe("HOSPITAL_FEED");
      const author = [doc!.author!.title, doc!.author!.firstName, doc!.author!.lastName].filter(Boolean).join(" ");
      expect(t).toMatchObject({ actorKind: "PROFESSIONAL", actorId: doc!.authorId, actorName: author, actorStructure: doc!.structure!.name, detail: `${doc!.title} (auteur : ${author})` });
      expect(t.reason?.startsWith(`${documentTypeLabel(doc!.typeCode)} — `), t.reason ?? "").toBe(true);
    }
  });

  it("creates the benchmark accounts", async () => {
    const docs = await db.prisma.account.findUniqueOrThrow({ where: { loginId: "bench.documents" }, include: { patient: { include: { _count: { select: { documents: true } } } } } });
    expect(docs.patient?._count.documents).toBe(120);
    const traces = await db.prisma.account.findUniqueOrThrow({ where: { loginId: "bench.traces" }, include: { patient: { include: { _count: { select: { traces: true } } } } } });
    expect(traces.patient?._count.traces).toBe(600);
    expect(await verifyPassword(result.accounts[0]?.password ?? "", docs.passwordHash)).toBe(true);
    expect(result.accounts.map((a) => a.loginId)).toContain("large.patient1");
  });

  it("builds the same rows with or without worker threads", async () => {
    const [a, b] = await Promise.all([createTestDatabase({ name: "single" }), createTestDatabase({ name: "workers" })]);
    try {
      const now = new Date("2026-11-26T12:00:00Z");
      await generateLargeDatabase({ database: a.url, patients: 12, now, workers: 0, benchmarkDocuments: 15, benchmarkTraces: 40 });
      await generateLargeDatabase({ database: b.url, patients: 12, now, workers: 2, benchmarkDocuments: 15, benchmarkTraces: 40 });
      const hashes = async (d: TTestDatabase) => (await d.prisma.trace.findMany({ orderBy: { id: "asc" }, select: { hash: true } })).map((t) => t.hash);
      expect(await hashes(b)).toEqual(await hashes(a));
    } finally {
      await Promise.all([a.cleanup(), b.cleanup()]);
    }
  });

  it("rebuilds every index the migrations made, unique ones included", async () => {
    const indexes = async (d: TTestDatabase) =>
      (
        await d.prisma.$queryRawUnsafe<{ name: string }[]>(
          d.engine === "postgresql"
            ? "SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1"
            : "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY 1",
        )
      ).map((r) => r.name);
    const fresh = await createTestDatabase({ name: "fresh" });
    try {
      const expected = await indexes(fresh);
      expect(expected.length).toBeGreaterThan(20);
      expect(await indexes(db)).toEqual(expected);
    } finally {
      await fresh.cleanup();
    }
    // A unique index holds again after the load.
    const doc = await db.prisma.document.findFirstOrThrow();
    await expect(db.runOutsideApp('UPDATE "Document" SET uniqueId = ? WHERE id <> ? AND id IN (SELECT id FROM "Document" WHERE id <> ? LIMIT 1)', doc.uniqueId, doc.id, doc.id)).rejects.toThrow();
  });

  it("refuses a database that already has patients", async () => {
    await expect(generateLargeDatabase({ database: db.url, patients: 2 })).rejects.toThrow(/déjà/);
  });

  it("generates only reads lib/access allows, with the rule they name", async () => {
    const reads = await db.prisma.trace.findMany({ where: { action: "DOCUMENT_READ", actorKind: "PROFESSIONAL" }, take: 400, orderBy: { id: "asc" } });
    expect(reads.length).toBeGreaterThan(100);
    const pros = new Map((await db.prisma.professional.findMany()).map((p) => [p.id, p]));
    const docs = new Map((await db.prisma.document.findMany({ where: { id: { in: reads.map((t) => t.documentId!) } } })).map((d) => [d.id, d]));
    for (const t of reads) {
      const pro = pros.get(t.actorId!)!;
      const actor: TProfessionalActor = { kind: "PROFESSIONAL", professionalId: pro.id, name: pro.lastName, profession: pro.profession, specialty: pro.specialty, isSamuRegulator: pro.isSamuRegulator };
      const ctx = (await loadAccessContext(db.prisma, actor, t.patientId!))!;
      const decision = canRead(actor, docs.get(t.documentId!)!, ctx);
      expect(decision.allowed, `${t.id}`).toBe(true);
      expect(describeDecision(decision)).toBe(t.reason);
    }
  });
});

