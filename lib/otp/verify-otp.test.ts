import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { issueOtp } from "./issue-otp";
import { verifyOtp } from "./verify-otp";
import { OTP_TTL_MS } from "./otp-rules";
import { startLogin } from "@/lib/auth/patient/start-login";
import { hashPassword } from "@/lib/auth/password";

let db: TTestDatabase;
let accountId: string;

beforeAll(async () => {
  db = await createTestDatabase({ name: "otp" });
  const account = await db.prisma.account.create({
    data: { loginId: "lea.test", passwordHash: await hashPassword("Bon-Mot-de-passe-1"), firstName: "Léa", lastName: "Test", email: "lea@t.fr" },
  });
  accountId = account.id;
});

afterAll(async () => {
  await db.cleanup();
});

const issue = (now = new Date()) => issueOtp(db.prisma, { accountId, purpose: "LOGIN", channel: "EMAIL", destination: "lea@t.fr", now });

describe("one-time codes in the database", () => {
  it("are single use and stored hashed", async () => {
    const { challengeId, code } = await issue();
    const row = await db.prisma.otpChallenge.findUniqueOrThrow({ where: { id: challengeId } });
    expect(row.codeHash).not.toContain(code);
    expect((await verifyOtp(db.prisma, { challengeId, code, purpose: "LOGIN" })).ok).toBe(true);
    expect(await verifyOtp(db.prisma, { challengeId, code, purpose: "LOGIN" })).toMatchObject({ ok: false, reason: "UNKNOWN" });
  });

  it("a new code voids the previous one", async () => {
    const first = await issue();
    const second = await issue();
    expect(await verifyOtp(db.prisma, { challengeId: first.challengeId, code: first.code, purpose: "LOGIN" })).toMatchObject({ ok: false });
    expect((await verifyOtp(db.prisma, { challengeId: second.challengeId, code: second.code, purpose: "LOGIN" })).ok).toBe(true);
  });

  it("expires after 5 minutes and is bound to its purpose", async () => {
    const now = new Date();
    const { challengeId, code } = await issue(now);
    expect(await verifyOtp(db.prisma, { challengeId, code, purpose: "PASSWORD_RESET", now })).toMatchObject({ ok: false, reason: "UNKNOWN" });
    expect(await verifyOtp(db.prisma, { challengeId, code, purpose: "LOGIN", now: new Date(now.getTime() + OTP_TTL_MS + 1) })).toMatchObject({ ok: false, reason: "EXPIRED" });
  });

  it("5 wrong codes lock sign-in, even the right code and the right password afterwards", async () => {
    const { challengeId, code } = await issue();
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 4; i >= 1; i -= 1) {
      expect(await verifyOtp(db.prisma, { challengeId, code: wrong, purpose: "LOGIN" })).toMatchObject({ ok: false, reason: "INVALID", remaining: i });
    }
    const fifth = await verifyOtp(db.prisma, { challengeId, code: wrong, purpose: "LOGIN" });
    expect(fifth).toMatchObject({ ok: false, reason: "LOCKED" });
    expect(await verifyOtp(db.prisma, { challengeId, code, purpose: "LOGIN" })).toMatchObject({ ok: false, reason: "LOCKED" });
    const login = await startLogin(db.prisma, { loginId: "lea.test", password: "Bon-Mot-de-passe-1" });
    expect(login).toMatchObject({ ok: false });
    expect(!login.ok && login.message).toContain("Connexion bloquée");
    expect(await db.prisma.loginAttempt.count({ where: { accountId, kind: "OTP", success: false } })).toBe(5);
    // Fifteen minutes later sign-in reopens.
    const later = new Date(Date.now() + 16 * 60 * 1000);
    expect((await startLogin(db.prisma, { loginId: "lea.test", password: "Bon-Mot-de-passe-1", now: later })).ok).toBe(true);
  });

  it("5 wrong passwords lock sign-in", async () => {
    const acc = await db.prisma.account.create({ data: { loginId: "max.test", passwordHash: await hashPassword("Bon-Mot-de-passe-1"), firstName: "Max", lastName: "Test", email: "m@t.fr" } });
    for (let i = 1; i <= 4; i += 1) {
      const r = await startLogin(db.prisma, { loginId: "max.test", password: "faux" });
      expect(!r.ok && r.message).toContain(`Il vous reste ${5 - i} essai`);
    }
    const fifth = await startLogin(db.prisma, { loginId: "max.test", password: "faux" });
    expect(!fifth.ok && fifth.message).toContain("Connexion bloquée");
    expect((await db.prisma.account.findUniqueOrThrow({ where: { id: acc.id } })).lockedUntil).not.toBeNull();
    expect((await startLogin(db.prisma, { loginId: "max.test", password: "Bon-Mot-de-passe-1" })).ok).toBe(false);
  });
});
