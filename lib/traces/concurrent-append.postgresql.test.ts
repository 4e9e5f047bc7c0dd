import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { appendTraces, type TTraceInput } from "./append-trace";
import { checkTraceChain } from "./verify-traces";

// Two clients with their own connection pools: two server processes on one database.
let db: TTestDatabase;
let second: PrismaClient;
let patientId: string;
let otherId: string;

beforeAll(async () => {
  db = await createTestDatabase({ name: "concurrent-append" });
  second = createPrismaClient(db.url);
  const person = { birthDate: "1980-01-01", lastName: "Martin", department: "75" };
  patientId = (await db.prisma.patient.create({ data: { ...person, nir: "180017505600138", firstName: "Paul", sex: "M" } })).id;
  otherId = (await db.prisma.patient.create({ data: { ...person, nir: "280017505600156", firstName: "Anne", sex: "F" } })).id;
});

afterAll(async () => {
  await second?.$disconnect();
  await db?.cleanup();
});

const read = (patient: string | null, n: number): TTraceInput => ({
  patientId: patient,
  actorKind: "PROFESSIONAL",
  actorId: `pro-${n}`,
  actorName: `Dr Test ${n}`,
  action: "DOCUMENT_READ",
});

describe("trace chains under concurrent writers (several server processes)", () => {
  it("stay linear: every trace chains to the one before it, none forks", async () => {
    const writers = Array.from({ length: 40 }, (_, n) => {
      const client = n % 2 === 0 ? db.prisma : second;
      // Some appends touch two chains at once, in both orders: no deadlock either.
      const inputs = n % 5 === 0 ? [read(patientId, n), read(otherId, n)] : n % 5 === 1 ? [read(otherId, n), read(patientId, n)] : [read(patientId, n)];
      // Forty transactions for ten connections per client: they queue for a connection.
      return client.$transaction((tx) => appendTraces(tx, inputs), { maxWait: 60_000, timeout: 60_000 });
    });
    await Promise.all(writers);
    const paul = await checkTraceChain(db.prisma, patientId, null);
    const anne = await checkTraceChain(db.prisma, otherId, null);
    expect(paul).toMatchObject({ traceCount: 40, brokenLink: null });
    expect(anne).toMatchObject({ traceCount: 16, brokenLink: null });
    const links = await db.prisma.trace.groupBy({ by: ["prevHash"], where: { patientId }, _count: true });
    expect(links.every((l) => l._count === 1)).toBe(true);
  });

  it("also for the platform's own chain (no patient)", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, n) => appendTraces(n % 2 === 0 ? db.prisma : second, [read(null, n)])));
    expect(await checkTraceChain(db.prisma, null, null)).toMatchObject({ traceCount: 20, brokenLink: null });
  });
});
