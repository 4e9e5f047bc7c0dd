import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { hashPassword } from "@/lib/auth/password";
import { startLogin } from "./start-login";
import { completeLogin } from "./complete-login";
import { authenticatorStatus, confirmAuthenticatorEnrolment, disableAuthenticator, startAuthenticatorEnrolment } from "./authenticator";
import { RECENT_SIGN_IN_MS } from "@/lib/access/patient-rights";
import { recordQueryPlans } from "@/lib/testing/query-plans";

let db: TTestDatabase;
const PASSWORD = "Bon-Mot-de-passe-1";

beforeAll(async () => {
  db = await createTestDatabase({ name: "authenticator" });
});
afterAll(async () => {
  await db.cleanup();
});

async function account(loginId: string) {
  return db.prisma.account.create({ data: { loginId, passwordHash: await hashPassword(PASSWORD), firstName: "Léa", lastName: "Test", email: `${loginId}@t.fr` } });
}

/** The key as the page shows it, back to the secret an app would store. */
const secretOf = (groups: string) => groups.replace(/\s/g, "");
const stepsAgo = (n: number) => Math.floor(Date.now() / 1000) - n * 30;

async function enrol(accountId: string) {
  const started = await startAuthenticatorEnrolment(db.prisma, accountId);
  if (!started.ok) throw new Error(started.message);
  const secret = secretOf(started.value.secretGroups);
  // The code of the previous step: sign-in below uses the current one, each accepted once.
  const confirmed = await confirmAuthenticatorEnrolment(db.prisma, { accountId, code: await generate({ secret, epoch: stepsAgo(1) }), epoch: stepsAgo(1) });
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { secret, recoveryCodes: confirmed.recoveryCodes, uri: started.value.uri };
}

async function signIn(loginId: string, code: string) {
  const started = await startLogin(db.prisma, { loginId, password: PASSWORD });
  if (!started.ok) return { ok: false as const, message: started.message };
  return completeLogin(db.prisma, { challengeId: started.challengeId, code });
}

describe("the authenticator application as a sign-in channel", () => {
  it("enrols with a secret stored sealed, activated only by a right code", async () => {
    const acc = await account("app.one");
    const started = await startAuthenticatorEnrolment(db.prisma, acc.id);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.value.uri).toMatch(/^otpauth:\/\/totp\/.*app\.one\?secret=[A-Z2-7]+&issuer=/);
    // The QR code the phone photographs: an SVG of the same URI.
    expect(started.value.qrSvg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(started.value.qrSvg).toContain("<path");
    const secret = secretOf(started.value.secretGroups);
    const row = await db.prisma.account.findUniqueOrThrow({ where: { id: acc.id } });
    expect(row.totpPendingSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();

    const wrong = await confirmAuthenticatorEnrolment(db.prisma, { accountId: acc.id, code: "12345" });
    expect(wrong).toMatchObject({ ok: false });
    expect((await authenticatorStatus(db.prisma, acc.id)).enabled).toBe(false);

    const ok = await confirmAuthenticatorEnrolment(db.prisma, { accountId: acc.id, code: await generate({ secret }) });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.recoveryCodes).toHaveLength(10);
    const after = await db.prisma.account.findUniqueOrThrow({ where: { id: acc.id } });
    expect(after.totpSecret).toBeTruthy();
    expect(after.totpSecret).not.toContain(secret);
    expect(after.totpPendingSecret).toBeNull();
    const stored = await db.prisma.totpRecoveryCode.findMany({ where: { accountId: acc.id } });
    expect(stored.map((r) => r.codeHash).join()).not.toContain(ok.recoveryCodes[0]!.replace("-", ""));
  });

  it("five wrong codes void the enrolment", async () => {
    const acc = await account("app.two");
    await startAuthenticatorEnrolment(db.prisma, acc.id);
    for (let i = 0; i < 4; i += 1) expect(await confirmAuthenticatorEnrolment(db.prisma, { accountId: acc.id, code: "000000" })).toMatchObject({ ok: false });
    expect(await confirmAuthenticatorEnrolment(db.prisma, { accountId: acc.id, code: "000000" })).toMatchObject({ ok: false, restart: true });
    expect((await authenticatorStatus(db.prisma, acc.id)).pending).toBe(false);
  });

  it("signs in with the app's code, once: the same code again is refused", async () => {
    const acc = await account("app.three");
    const { secret } = await enrol(acc.id);
    const started = await startLogin(db.prisma, { loginId: "app.three", password: PASSWORD });
    expect(started).toMatchObject({ ok: true, channel: "TOTP" });
    const code = await generate({ secret });
    expect(await signIn("app.three", code)).toMatchObject({ ok: true });
    expect(await signIn("app.three", code)).toMatchObject({ ok: false, message: expect.stringContaining("Code incorrect") });
  });

  it("a recovery code signs in once", async () => {
    const acc = await account("app.four");
    const { recoveryCodes } = await enrol(acc.id);
    const code = recoveryCodes[3]!;
    expect(await signIn("app.four", code.toLowerCase())).toMatchObject({ ok: true });
    expect(await signIn("app.four", code)).toMatchObject({ ok: false });
    expect((await authenticatorStatus(db.prisma, acc.id)).recoveryCodesLeft).toBe(9);
  });

  it("counts the recovery codes left by reading the account's own codes, not every account's", async () => {
    const acc = await account("lea.plan");
    const other = await account("lea.autre");
    await enrol(acc.id);
    await enrol(other.id);
    const recorder = recordQueryPlans(db);
    try {
      let left = -1;
      const plans = await recorder.plansOf(async () => {
        left = (await authenticatorStatus(recorder.prisma, acc.id)).recoveryCodesLeft;
      });
      expect(left).toBe(10);
      const codePlans = plans.filter((p) => p.includes("TotpRecoveryCode"));
      expect(codePlans.length).toBeGreaterThan(0);
      for (const plan of codePlans) {
        // SQLite reads a table or a whole index with "SCAN" (Prisma's relation count did: a GROUP BY of all the codes).
        if (db.engine === "sqlite") expect(plan).toMatch(/SEARCH (main\.)?TotpRecoveryCode USING (COVERING )?INDEX \S+ \(accountId=\?/);
        else expect(plan).toMatch(/TotpRecoveryCode_accountId_idx"[^/]*\/ Index Cond: \("accountId" = /);
      }
    } finally {
      await recorder.disconnect();
    }
  });

  it("five wrong app codes lock sign-in as e-mail and SMS codes do", async () => {
    const acc = await account("app.five");
    const { secret } = await enrol(acc.id);
    const started = await startLogin(db.prisma, { loginId: "app.five", password: PASSWORD });
    if (!started.ok) throw new Error(started.message);
    for (let i = 0; i < 4; i += 1) expect(await completeLogin(db.prisma, { challengeId: started.challengeId, code: "000000" })).toMatchObject({ ok: false });
    const fifth = await completeLogin(db.prisma, { challengeId: started.challengeId, code: "000000" });
    expect(fifth).toMatchObject({ ok: false, message: expect.stringContaining("Connexion bloquée") });
    expect(await signIn("app.five", await generate({ secret }))).toMatchObject({ ok: false, message: expect.stringContaining("Connexion bloquée") });
    expect(await db.prisma.loginAttempt.count({ where: { accountId: acc.id, kind: "OTP", success: false } })).toBe(5);
  });

  it("disabling needs a sign-in of less than 5 minutes (TOTP_DISABLE)", async () => {
    const acc = await account("app.six");
    await enrol(acc.id);
    const now = new Date();
    const stale = await disableAuthenticator(db.prisma, { accountId: acc.id, authAt: now.getTime() - RECENT_SIGN_IN_MS, now });
    expect(stale).toMatchObject({ ok: false, signInAgain: true });
    expect((await authenticatorStatus(db.prisma, acc.id)).enabled).toBe(true);
    expect(await disableAuthenticator(db.prisma, { accountId: acc.id, authAt: now.getTime() - 60_000, now })).toEqual({ ok: true });
    expect(await authenticatorStatus(db.prisma, acc.id)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await startLogin(db.prisma, { loginId: "app.six", password: PASSWORD })).toMatchObject({ ok: true, channel: "EMAIL" });
  });
});

describe("enrolment tries under parallel requests", () => {
  it("20 wrong codes sent at once cost 20 tries: the activation is cancelled, a right code no longer activates it", async () => {
    const acc = await account("app.parallel");
    const started = await startAuthenticatorEnrolment(db.prisma, acc.id);
    if (!started.ok) throw new Error("enrolment not started");
    const secret = secretOf(started.value.secretGroups);
    const bad = (await generate({ secret })) === "000000" ? "111111" : "000000";
    const wrong = await Promise.all(Array.from({ length: 20 }, () => confirmAuthenticatorEnrolment(db.prisma, { accountId: acc.id, code: bad })));
    expect(wrong.every((r) => !r.ok)).toBe(true);
    expect(await confirmAuthenticatorEnrolment(db.prisma, { accountId: acc.id, code: await generate({ secret }) })).toMatchObject({ ok: false, restart: true });
    expect((await authenticatorStatus(db.prisma, acc.id)).enabled).toBe(false);
  });
});
