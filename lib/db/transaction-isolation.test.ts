import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { deferForeignKeys } from "./dialect";

// The server shares one client (one SQLite connection) between all requests: these tests
// play two requests in one process, one inside an interactive transaction that awaits.

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "transaction-isolation" });
});

afterAll(async () => {
  await db.cleanup();
});

function assertion(key: string) {
  return { key, expiresAt: new Date("2030-01-01T00:00:00Z") };
}

/** A transaction that writes `key`, gives the event loop to other requests, then fails. */
async function failingTransaction(key: string, whileOpen: () => Promise<void>): Promise<void> {
  await db.prisma
    .$transaction(async (tx) => {
      await tx.usedClientAssertion.create({ data: assertion(key) });
      await Promise.all([whileOpen(), sleep(50)]);
      throw new Error("rolled back on purpose");
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error) || error.message !== "rolled back on purpose") throw error;
    });
}

describe("statements outside a transaction do not join another request's open transaction", () => {
  it("a plain write made while another request's transaction is open survives that transaction's rollback", async () => {
    let plainWrite: Promise<unknown> = Promise.resolve();
    await failingTransaction("tx-rolled-back-1", async () => {
      await sleep(10);
      // "Another request": not awaited inside the transaction, which does not know it.
      // then() starts it now (a Prisma query is lazy until then is called).
      plainWrite = db.prisma.usedClientAssertion.create({ data: assertion("plain-write") }).then((row) => row);
    });
    await plainWrite;
    expect(await db.prisma.usedClientAssertion.findUnique({ where: { key: "plain-write" } })).not.toBeNull();
    expect(await db.prisma.usedClientAssertion.findUnique({ where: { key: "tx-rolled-back-1" } })).toBeNull();
  });

  it("a plain read made while another request's transaction is open does not see its uncommitted row", async () => {
    let seen: Promise<unknown> = Promise.resolve();
    await failingTransaction("tx-rolled-back-2", async () => {
      await sleep(10);
      seen = db.prisma.usedClientAssertion.findUnique({ where: { key: "tx-rolled-back-2" } }).then((row) => row);
    });
    expect(await seen).toBeNull();
  });

  it("transactions and plain statements still all complete when many run at once", async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `many-${i}`);
    await Promise.all(
      keys.map((key, i) =>
        i % 2 === 0
          ? db.prisma.$transaction(async (tx) => {
              await tx.usedClientAssertion.create({ data: assertion(key) });
              await sleep(1);
            })
          : db.prisma.usedClientAssertion.create({ data: assertion(key) }),
      ),
    );
    expect(await db.prisma.usedClientAssertion.count({ where: { key: { startsWith: "many-" } } })).toBe(keys.length);
  });

  it("a transaction whose COMMIT fails is rolled back and leaves the connection to the next statements", async () => {
    const patientId = "no-such-patient";
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.usedClientAssertion.create({ data: assertion("commit-fails") });
        // A deferred foreign key violation: the statement passes, the COMMIT fails.
        await deferForeignKeys(tx);
        await tx.$executeRaw`INSERT INTO Trace (patientId, actorKind, actorName, action, at, prevHash, hash) VALUES (${patientId}, 'SYSTEM', 'x', 'x', ${new Date()}, 'x', 'commit-fails')`;
      }),
    ).rejects.toThrow();
    const next = db.prisma.usedClientAssertion.create({ data: assertion("after-failed-commit") }).then((row) => row.key);
    expect(await Promise.race([next, sleep(3000).then(() => "still waiting")])).toBe("after-failed-commit");
    expect(await db.prisma.usedClientAssertion.findUnique({ where: { key: "commit-fails" } })).toBeNull();
    // Not left inside the failed transaction: a rollback elsewhere does not take this row with it.
    await failingTransaction("tx-rolled-back-3", async () => {});
    expect(await db.prisma.usedClientAssertion.findUnique({ where: { key: "after-failed-commit" } })).not.toBeNull();
  });
});
