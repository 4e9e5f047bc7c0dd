import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { hashPassword } from "@/lib/auth/password";
import { issueOtp } from "@/lib/otp/issue-otp";
import { verifyOtp } from "@/lib/otp/verify-otp";
import { LOCK_DURATION_MS, MAX_FAILURES } from "@/lib/otp/otp-rules";
import { startLogin } from "./start-login";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./change-password";

const PASSWORD = "Bon-Mot-de-passe-1";
let db: TTestDatabase;

async function makeAccount(loginId: string) {
  return db.prisma.account.create({
    data: { loginId, passwordHash: await hashPassword(PASSWORD), firstName: "Test", lastName: loginId, email: `${loginId}@exemple.fr` },
  });
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "sign-in-unauthorized" });
});

afterAll(async () => {
  await db.cleanup();
});

describe("unauthorized access: patient password guessing", () => {
  it("100 wrong passwords sent in parallel: only 5 are evaluated, the account locks, and the right password is refused until the lock ends", async () => {
    const account = await makeAccount("parallele.mdp");
    const now = new Date();
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => startLogin(db.prisma, { loginId: "parallele.mdp", password: `faux-${i}`, now })),
    );
    expect(replies.every((r) => !r.ok)).toBe(true);
    const messages = replies.map((r) => (r.ok ? "" : r.message));
    expect(messages.filter((m) => m.includes("Il vous reste"))).toHaveLength(MAX_FAILURES - 1);
    expect(messages.filter((m) => m.includes("Connexion bloquée"))).toHaveLength(100 - (MAX_FAILURES - 1));
    // Each evaluated password leaves one attempt row: exactly five were checked.
    expect(await db.prisma.loginAttempt.count({ where: { accountId: account.id, kind: "PASSWORD" } })).toBe(MAX_FAILURES);
    const locked = await db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(locked.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_DURATION_MS);

    const during = await startLogin(db.prisma, { loginId: "parallele.mdp", password: PASSWORD, now: new Date(now.getTime() + LOCK_DURATION_MS - 1000) });
    expect(during.ok).toBe(false);
    const after = await startLogin(db.prisma, { loginId: "parallele.mdp", password: PASSWORD, now: new Date(now.getTime() + LOCK_DURATION_MS + 1000) });
    expect(after.ok).toBe(true);
  });

  it("parallel wrong passwords after a lock ends cost one try each again, no more than five", async () => {
    const account = await makeAccount("apres.blocage");
    const start = new Date();
    for (let i = 0; i < MAX_FAILURES; i += 1) await startLogin(db.prisma, { loginId: "apres.blocage", password: "faux", now: start });
    const later = new Date(start.getTime() + LOCK_DURATION_MS + 1000);
    const replies = await Promise.all(Array.from({ length: 20 }, () => startLogin(db.prisma, { loginId: "apres.blocage", password: "faux", now: later })));
    expect(replies.filter((r) => !r.ok && r.message.includes("Il vous reste"))).toHaveLength(MAX_FAILURES - 1);
    expect(await db.prisma.loginAttempt.count({ where: { accountId: account.id, kind: "PASSWORD" } })).toBe(2 * MAX_FAILURES);
  });

  it("100 wrong one-time codes sent in parallel lock sign-in after 5 (the code lock holds under concurrency)", async () => {
    const account = await makeAccount("parallele.code");
    const { challengeId, code } = await issueOtp(db.prisma, { accountId: account.id, purpose: "LOGIN", channel: "EMAIL", destination: "x@exemple.fr" });
    const wrong = code === "000000" ? "111111" : "000000";
    const replies = await Promise.all(Array.from({ length: 100 }, () => verifyOtp(db.prisma, { challengeId, code: wrong, purpose: "LOGIN" })));
    expect(replies.filter((r) => !r.ok && r.reason === "INVALID")).toHaveLength(MAX_FAILURES - 1);
    expect(await db.prisma.loginAttempt.count({ where: { accountId: account.id, kind: "OTP" } })).toBe(MAX_FAILURES);
    expect(await verifyOtp(db.prisma, { challengeId, code, purpose: "LOGIN" })).toMatchObject({ ok: false });
    expect((await startLogin(db.prisma, { loginId: "parallele.code", password: PASSWORD })).ok).toBe(false);
  });
});

describe("unauthorized access: patient account enumeration", () => {
  it("a known and an unknown identifier get the same replies at sign-in, wrong password after wrong password, lock included", async () => {
    await makeAccount("connu.enum");
    const now = new Date();
    for (let i = 0; i <= MAX_FAILURES; i += 1) {
      const known = await startLogin(db.prisma, { loginId: "connu.enum", password: "faux", now });
      const unknown = await startLogin(db.prisma, { loginId: "inconnu.enum", password: "faux", now });
      expect(unknown).toEqual(known);
    }
  });

  it("a known and an unknown identifier take the same time class at sign-in (a password hash is computed for both)", async () => {
    await makeAccount("connu.temps");
    const time = async (loginId: string) => {
      const t0 = performance.now();
      await startLogin(db.prisma, { loginId, password: "faux" });
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      known.push(await time("connu.temps"));
      unknown.push(await time(`inconnu.temps.${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
    expect(median(known)).toBeGreaterThan(median(unknown) / 3);
  });

  it("a known and an unknown identifier get the same password-reset challenge and the same replies to wrong codes", async () => {
    await makeAccount("connu.reset");
    const known = await requestPasswordReset(db.prisma, { loginId: "connu.reset" });
    const unknown = await requestPasswordReset(db.prisma, { loginId: "inconnu.reset" });
    expect(unknown.challengeId).toMatch(/^[a-z0-9]{20,32}$/);
    expect(unknown.challengeId.length).toBe(known.challengeId.length);
    const reply = (challengeId: string) =>
      resetPassword(db.prisma, { challengeId, code: "000000", newPassword: "Nouveau-Mot-de-passe-2", confirmPassword: "Nouveau-Mot-de-passe-2" });
    const wrongCode = (code: string | undefined) => (code === "000000" ? "111111" : "000000");
    for (let i = 0; i <= MAX_FAILURES; i += 1) {
      const k = await resetPassword(db.prisma, {
        challengeId: known.challengeId,
        code: wrongCode(known.delivery?.code),
        newPassword: "Nouveau-Mot-de-passe-2",
        confirmPassword: "Nouveau-Mot-de-passe-2",
      });
      const u = await reply(unknown.challengeId);
      expect(u).toEqual(k);
    }
  });

  it("five wrong codes on the password-reset form do not lock the owner's sign-in", async () => {
    await makeAccount("victime.reset");
    const { challengeId, delivery } = await requestPasswordReset(db.prisma, { loginId: "victime.reset" });
    const wrong = delivery?.code === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      await resetPassword(db.prisma, { challengeId, code: wrong, newPassword: "Nouveau-Mot-de-passe-2", confirmPassword: "Nouveau-Mot-de-passe-2" });
    }
    expect((await startLogin(db.prisma, { loginId: "victime.reset", password: PASSWORD })).ok).toBe(true);
  });
});
