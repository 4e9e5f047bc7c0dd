import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { appendTrace, appendTraces, GENESIS_HASH, readChainHeads, type TTraceInput } from "./append-trace";
import { createPrismaClient } from "@/lib/db/create-client";
import { chainTraces } from "./chain-traces";
import { verifyTraceChain } from "./verify-chain";

let db: TTestDatabase;
let paul: string;
let anne: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const person = { birthDate: "1980-01-01", lastName: "Martin", department: "75" };
  paul = (await db.prisma.patient.create({ data: { ...person, nir: "180017505600138", firstName: "Paul", sex: "M" } })).id;
  anne = (await db.prisma.patient.create({ data: { ...person, nir: "280017505600156", firstName: "Anne", sex: "F" } })).id;
});

afterAll(async () => {
  await db?.cleanup();
});

const trace = (patientId: string | null, n: number, extra: Partial<TTraceInput> = {}): TTraceInput => ({
  patientId,
  actorKind: "PROFESSIONAL",
  actorId: `pro-${n}`,
  actorName: `Dr Test ${n}`,
  action: "DOCUMENT_READ",
  at: new Date(Date.UTC(2026, 0, 1, 10, 0, n, 123)),
  ...extra,
});

describe("appendTrace / appendTraces", () => {
  it("stores exactly the rows chainTraces computes, read back with the same hash", async () => {
    const inputs = [trace(paul, 1), trace(paul, 2, { mode: "BREAK_GLASS", justification: "Urgence vitale", outcome: "REFUSED", reason: "r", detail: "d", ipAddress: "10.0.0.1", documentId: "doc-1" })];
    await appendTraces(db.prisma, inputs);
    const stored = await db.prisma.trace.findMany({ where: { patientId: paul }, orderBy: { id: "asc" } });
    const expected = chainTraces(inputs, GENESIS_HASH);
    expect(stored.map(({ id: _id, ...row }) => row)).toEqual(expected);
    expect(await verifyTraceChain(db.prisma, paul)).toBeNull();
  });

  it("chains each record on its own, in input order, inside a caller's transaction or alone", async () => {
    await db.prisma.$transaction((tx) => appendTraces(tx, [trace(anne, 3), trace(paul, 4), trace(anne, 5), trace(null, 6)]));
    await appendTrace(db.prisma, trace(null, 7));
    await appendTrace(db.prisma, trace(paul, 8));
    const anneTraces = await db.prisma.trace.findMany({ where: { patientId: anne }, orderBy: { id: "asc" } });
    expect(anneTraces.map((t) => t.actorId)).toEqual(["pro-3", "pro-5"]);
    expect(anneTraces[0]?.prevHash).toBe(GENESIS_HASH);
    expect(anneTraces[1]?.prevHash).toBe(anneTraces[0]?.hash);
    for (const patientId of [paul, anne, null]) expect(await verifyTraceChain(db.prisma, patientId)).toBeNull();
    expect(await db.prisma.trace.count({ where: { patientId: null } })).toBe(2);
  });

  it("writes nothing when the action's transaction fails", async () => {
    const before = await db.prisma.trace.count();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await appendTrace(tx, trace(paul, 9));
        throw new Error("échec de l'action");
      }),
    ).rejects.toThrow("échec");
    expect(await db.prisma.trace.count()).toBe(before);
  });

  it("keeps a chain linear when appends outside a transaction race on it", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => appendTrace(db.prisma, trace(anne, 20 + i))));
    await Promise.all([appendTraces(db.prisma, [trace(anne, 40), trace(paul, 41)]), appendTraces(db.prisma, [trace(paul, 42), trace(anne, 43)])]);
    expect(await verifyTraceChain(db.prisma, anne)).toBeNull();
    expect(await verifyTraceChain(db.prisma, paul)).toBeNull();
    const anneTraces = await db.prisma.trace.findMany({ where: { patientId: anne }, orderBy: { id: "asc" } });
    expect(new Set(anneTraces.map((t) => t.prevHash)).size).toBe(anneTraces.length);
  });

  it("keeps a chain linear when two clients of the same file (two server processes) append to it at once", async () => {
    const other = createPrismaClient(db.url);
    try {
      await Promise.all(Array.from({ length: 40 }, (_, i) => appendTraces(i % 2 === 0 ? db.prisma : other, [trace(paul, 100 + i), trace(null, 100 + i)])));
      await other.$transaction((tx) => appendTrace(tx, trace(paul, 140)));
      await appendTrace(db.prisma, trace(paul, 141));
    } finally {
      await other.$disconnect();
    }
    for (const patientId of [paul, null]) expect(await verifyTraceChain(db.prisma, patientId)).toBeNull();
    const last = await db.prisma.trace.findMany({ where: { patientId: paul }, orderBy: { id: "desc" }, take: 2 });
    expect(last.map((t) => t.actorId)).toEqual(["pro-141", "pro-140"]);
  });

  it("stores the hashes Node computes when one append links several traces of a chain (SQLite hashes them in its statement)", async () => {
    const inputs = [
      trace(anne, 150, { detail: "« accents », guillemets \" et \\ barre", justification: "ligne\nnouvelle" }),
      trace(paul, 151),
      trace(anne, 152, { mode: "SAMU", outcome: "REFUSED", reason: "r", ipAddress: "2001:db8::1", documentId: "doc-2" }),
      trace(null, 153),
      trace(anne, 154, { actorName: "Émile Zoé 😀" }),
    ];
    const heads = await readChainHeads(db.prisma, [anne, paul, null]);
    await appendTraces(db.prisma, inputs);
    const stored = await db.prisma.trace.findMany({ where: { actorId: { in: inputs.map((t) => t.actorId ?? "") } }, orderBy: { id: "asc" } });
    // What Node computes on the heads read just before: each chain on its own, in input order.
    const [a1, a2, a3] = chainTraces([inputs[0]!, inputs[2]!, inputs[4]!], heads.get(anne));
    const [p1] = chainTraces([inputs[1]!], heads.get(paul));
    const [n1] = chainTraces([inputs[3]!], heads.get(null));
    expect(stored.map(({ id: _id, ...row }) => row)).toEqual([a1, p1, a2, n1, a3]);
    for (const patientId of [paul, anne, null]) expect(await verifyTraceChain(db.prisma, patientId)).toBeNull();
  });
});
