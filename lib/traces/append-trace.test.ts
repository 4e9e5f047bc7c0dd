import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { appendTrace, appendTraces, GENESIS_HASH, readChainHeads, traceInsertSql, type TTraceInput } from "./append-trace";
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

  it("keeps a chain linear when appends outside a transaction race on it (the guarded statement, then the locked path)", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => appendTrace(db.prisma, trace(anne, 20 + i))));
    await Promise.all([appendTraces(db.prisma, [trace(anne, 40), trace(paul, 41)]), appendTraces(db.prisma, [trace(paul, 42), trace(anne, 43)])]);
    expect(await verifyTraceChain(db.prisma, anne)).toBeNull();
    expect(await verifyTraceChain(db.prisma, paul)).toBeNull();
    const anneTraces = await db.prisma.trace.findMany({ where: { patientId: anne }, orderBy: { id: "asc" } });
    expect(new Set(anneTraces.map((t) => t.prevHash)).size).toBe(anneTraces.length);
  });

  it("refuses, writing nothing, a guarded append whose head moved on since it was read", async () => {
    const stale = await readChainHeads(db.prisma, [paul, anne]);
    await appendTrace(db.prisma, trace(paul, 50));
    const before = await db.prisma.trace.count();
    await expect(db.prisma.$executeRaw(traceInsertSql([trace(anne, 51), trace(paul, 52)], stale, { guard: true }))).rejects.toThrow();
    expect(await db.prisma.trace.count()).toBe(before);
    await db.prisma.$executeRaw(traceInsertSql([trace(anne, 53)], stale, { guard: true }));
    expect(await verifyTraceChain(db.prisma, anne)).toBeNull();
  });

  it("stays linear when the chain moved on since this process last appended to it (a transaction's trace in between)", async () => {
    await appendTrace(db.prisma, trace(paul, 60));
    await db.prisma.$transaction((tx) => appendTrace(tx, trace(paul, 61)));
    await appendTrace(db.prisma, trace(paul, 62));
    await appendTraces(db.prisma, [trace(paul, 63)], new Map([[paul, GENESIS_HASH]]));
    const last = await db.prisma.trace.findMany({ where: { patientId: paul }, orderBy: { id: "desc" }, take: 4 });
    expect(last.map((t) => t.actorId)).toEqual(["pro-63", "pro-62", "pro-61", "pro-60"]);
    expect(await verifyTraceChain(db.prisma, paul)).toBeNull();
  });

  it("appends on heads read again, without a transaction, when another writer moved the chain on", async () => {
    let transactions = 0;
    // The same client, counting the transactions it opens.
    const counted = new Proxy(db.prisma, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key !== "$transaction" || typeof value !== "function") return value;
        return (...args: unknown[]) => {
          transactions += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    await appendTrace(db.prisma, trace(paul, 70));
    // Stale heads, as after another process's append: the first guarded statement fails.
    await appendTraces(counted, [trace(paul, 71)], new Map([[paul, GENESIS_HASH]]));
    // PostgreSQL always appends under the chain's lock, in a transaction (appendTraces).
    expect(transactions).toBe(db.engine === "postgresql" ? 1 : 0);
    const last = await db.prisma.trace.findMany({ where: { patientId: paul }, orderBy: { id: "desc" }, take: 2 });
    expect(last.map((t) => t.actorId)).toEqual(["pro-71", "pro-70"]);
    expect(await verifyTraceChain(db.prisma, paul)).toBeNull();
  });
});
