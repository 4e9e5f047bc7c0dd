/**
 * The rate limits on a real SQLite database: counts per account and per address, shared by
 * two clients on the same file as two server processes would share them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limits";

let db: TTestDatabase;
let secondProcess: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  secondProcess = createPrismaClient(db.url);
});

afterAll(async () => {
  await secondProcess.$disconnect();
  await db.cleanup();
});

describe("rate limits", () => {
  it("refuses the attempt after the account's allowance, in French, and only for that account", async () => {
    const { perAccount } = RATE_LIMITS.patientSignIn;
    for (let i = 0; i < perAccount; i++) {
      expect(await consumeRateLimit(db.prisma, "patientSignIn", { account: "jean.martin", address: null })).toEqual({ ok: true });
    }
    const refused = await consumeRateLimit(db.prisma, "patientSignIn", { account: "Jean.Martin ", address: null });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.message).toBe("Trop de tentatives. Par sécurité, réessayez dans 15 minutes.");
    expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(await consumeRateLimit(db.prisma, "patientSignIn", { account: "claire.durand", address: null })).toEqual({ ok: true });
  });

  it("counts an address across accounts, and the counts are shared between server processes", async () => {
    const { perAddress } = RATE_LIMITS.codeResend;
    for (let i = 0; i < perAddress; i++) {
      const client = i % 2 === 0 ? db.prisma : secondProcess;
      expect((await consumeRateLimit(client, "codeResend", { account: `compte-${i}`, address: "203.0.113.7" })).ok).toBe(true);
    }
    expect((await consumeRateLimit(secondProcess, "codeResend", { account: "compte-neuf", address: "203.0.113.7" })).ok).toBe(false);
    expect((await consumeRateLimit(db.prisma, "codeResend", { account: "compte-neuf", address: "198.51.100.1" })).ok).toBe(true);
  });

  it("counts concurrent attempts one by one", async () => {
    const { perAccount } = RATE_LIMITS.cardChallenge;
    const verdicts = await Promise.all(
      Array.from({ length: perAccount + 5 }, (_, i) => consumeRateLimit(i % 2 ? db.prisma : secondProcess, "cardChallenge", { account: "80276A1B2C3D4E5F", address: null })),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(perAccount);
  });

  it("stores no identifier in clear", async () => {
    const keys = (await db.prisma.rateLimitCounter.findMany()).map((r) => r.key).join(" ");
    expect(keys).not.toMatch(/jean|martin|203\.0\.113/i);
  });
});
