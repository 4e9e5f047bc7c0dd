import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { consumeJtiOnce } from "./jti-store";

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "jti" });
});

afterAll(async () => {
  await db.cleanup();
});

describe("consumeJtiOnce", () => {
  const now = new Date("2026-11-26T10:00:00Z");
  const inFiveMinutes = new Date(now.getTime() + 5 * 60_000);

  it("accepts an assertion once and refuses its replay, even from a restarted server", async () => {
    expect(await consumeJtiOnce(db.prisma, "SERIAL:jti-1", inFiveMinutes, now)).toBe(true);
    expect(await consumeJtiOnce(db.prisma, "SERIAL:jti-1", inFiveMinutes, now)).toBe(false);
    const restarted = createPrismaClient(db.url);
    try {
      expect(await consumeJtiOnce(restarted, "SERIAL:jti-1", inFiveMinutes, new Date(now.getTime() + 60_000))).toBe(false);
    } finally {
      await restarted.$disconnect();
    }
  });

  it("tells two certificates' assertions apart", async () => {
    expect(await consumeJtiOnce(db.prisma, "OTHER:jti-1", inFiveMinutes, now)).toBe(true);
  });

  it("forgets expired assertions (their JWT is refused as expired anyway)", async () => {
    expect(await consumeJtiOnce(db.prisma, "SERIAL:jti-2", inFiveMinutes, now)).toBe(true);
    const later = new Date(inFiveMinutes.getTime() + 1000);
    expect(await consumeJtiOnce(db.prisma, "SERIAL:jti-3", new Date(later.getTime() + 60_000), later)).toBe(true);
    expect(await db.prisma.usedClientAssertion.count({ where: { key: { in: ["SERIAL:jti-1", "SERIAL:jti-2"] } } })).toBe(0);
  });
});
