import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { hashPassword } from "@/lib/auth/password";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { endCardSessions, loadProfessionalActor, type TProToken } from "@/lib/auth/pro/professional-session";
import { PRO_SESSION_ABSOLUTE_MAX_AGE_MS } from "@/lib/auth/pro/session-config";
import { opposeCard } from "@/lib/pki/oppose-card";
import { confirmContactChange, requestContactChange, type TSendNotice } from "@/lib/records/contact-change";
import { completeLogin } from "./complete-login";
import { startLogin } from "./start-login";
import { changePassword, resetPassword } from "./change-password";
import { requestPasswordReset } from "./request-password-reset";
import { endPatientSessions, loadPatientAccountSession } from "./session-account";
import { decodePatientToken, encodePatientToken, PATIENT_SESSION_ABSOLUTE_MAX_AGE_MS, type TPatientToken } from "./session-token";

const PASSWORD = "Bon-Mot-de-passe-1";
const NEW_PASSWORD = "Autre-Mot-de-passe-2";
let db: TTestDatabase;
let seq = 0;

/** An account with its own record, as the portal creates them. */
async function makePatient() {
  seq += 1;
  const login = `session.${seq}`;
  const email = `${login}@exemple.fr`;
  const patient = await db.prisma.patient.create({
    data: { nir: `2800175056${String(seq).padStart(3, "0")}01`, birthDate: "1980-01-01", firstName: "Léa", lastName: `Essai${seq}`, sex: "F", department: "75", email },
  });
  const account = await db.prisma.account.create({
    data: { loginId: login, passwordHash: await hashPassword(PASSWORD), firstName: "Léa", lastName: `Essai${seq}`, email, patientId: patient.id },
  });
  return { login, email, accountId: account.id, patientId: patient.id };
}

/** Signs in (password, then code) and returns the cookie value, as a copy of it would be. */
async function signIn(login: string, now = new Date()): Promise<string> {
  const started = await startLogin(db.prisma, { loginId: login, password: PASSWORD, now });
  if (!started.ok) throw new Error(started.message);
  const done = await completeLogin(db.prisma, { challengeId: started.challengeId, code: started.code, now });
  if (!done.ok) throw new Error(done.message);
  return encodePatientToken(done.token);
}

async function sessionOf(cookie: string, now = new Date()) {
  return loadPatientAccountSession(db.prisma, await decodePatientToken(cookie), now);
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "sessions-unauthorized" });
});

afterAll(async () => {
  await db.cleanup();
});

describe("unauthorized access: a copied patient session cookie", () => {
  it("is refused after sign-out, which ends every session of the account", async () => {
    const p = await makePatient();
    const here = await signIn(p.login);
    const copied = await signIn(p.login);
    expect(await sessionOf(copied)).toMatchObject({ accountId: p.accountId });
    await endPatientSessions(db.prisma, p.accountId);
    expect(await sessionOf(copied)).toBeNull();
    expect(await sessionOf(here)).toBeNull();
    // A new sign-in works again.
    expect(await sessionOf(await signIn(p.login))).toMatchObject({ accountId: p.accountId });
  });

  it("is refused after a password change; the session that changed it carries on with the new version", async () => {
    const p = await makePatient();
    const copied = await signIn(p.login);
    const mine = (await decodePatientToken(await signIn(p.login))) as TPatientToken;
    const result = await changePassword(db.prisma, { accountId: p.accountId, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result.ok).toBe(true);
    expect(await sessionOf(copied)).toBeNull();
    expect(await loadPatientAccountSession(db.prisma, mine)).toBeNull();
    if (!result.ok) return;
    expect(await loadPatientAccountSession(db.prisma, { ...mine, sv: result.sessionVersion })).toMatchObject({ accountId: p.accountId });
  });

  it("is refused after a password reset", async () => {
    const p = await makePatient();
    const copied = await signIn(p.login);
    const { challengeId, delivery } = await requestPasswordReset(db.prisma, { loginId: p.login });
    const reset = await resetPassword(db.prisma, { challengeId, code: delivery?.code ?? "", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(reset.ok).toBe(true);
    expect(await sessionOf(copied)).toBeNull();
  });

  it("cannot change the sign-in e-mail without the current password; a change with it tells the old address and ends the other sessions", async () => {
    const p = await makePatient();
    const copied = await signIn(p.login);
    const actor = { kind: "PATIENT" as const, accountId: p.accountId, patientId: p.patientId, name: "Léa" };
    const codes: { destination: string; code: string }[] = [];
    const notices: { channel: string; destination: string; text: string }[] = [];
    const sendNotice: TSendNotice = async (channel, destination, text) => {
      notices.push({ channel, destination, text });
    };
    const senders = { code: async (_c: unknown, destination: string, code: string) => void codes.push({ destination, code }), notice: sendNotice };
    const attacker = { email: "pirate@exemple.fr", phone: null };

    // With the cookie alone (no or a wrong password): refused, nothing sent, nothing changed.
    await expect(requestContactChange(db.prisma, actor, { ...attacker, currentPassword: "" }, senders)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(requestContactChange(db.prisma, actor, { ...attacker, currentPassword: "devine" }, senders)).rejects.toMatchObject({
      userMessage: expect.stringContaining("mot de passe actuel est incorrect"),
    });
    expect(codes).toEqual([]);
    expect((await db.prisma.account.findUniqueOrThrow({ where: { id: p.accountId } })).email).toBe(p.email);

    // The owner, with the password: the code goes to the new address, the old one is told once saved.
    await requestContactChange(db.prisma, actor, { email: "lea.nouvelle@exemple.fr", phone: null, currentPassword: PASSWORD }, senders);
    expect(codes).toEqual([{ destination: "lea.nouvelle@exemple.fr", code: expect.stringMatching(/^\d{6}$/) }]);
    expect(notices).toEqual([]);
    const { sessionVersion } = await confirmContactChange(db.prisma, actor, codes[0]!.code, { sendNotice });
    expect(notices).toEqual([{ channel: "EMAIL", destination: p.email, text: expect.stringContaining("remplacée par l…e@exemple.fr") }]);
    expect(sessionVersion).toEqual(expect.any(Number));
    expect(await sessionOf(copied)).toBeNull();
  });

  it("guessing the current password from a session counts like sign-in: 100 parallel guesses, 5 checked, then locked", async () => {
    const p = await makePatient();
    const actor = { kind: "PATIENT" as const, accountId: p.accountId, patientId: p.patientId, name: "Léa" };
    const senders = { code: async () => {}, notice: async () => {} };
    const replies = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => requestContactChange(db.prisma, actor, { email: "pirate@exemple.fr", phone: null, currentPassword: `faux-${i}` }, senders)),
    );
    const messages = replies.map((r) => (r.status === "rejected" ? String((r.reason as { userMessage?: string }).userMessage) : "accepted"));
    expect(messages.filter((m) => m.includes("Il vous reste"))).toHaveLength(4);
    expect(messages.filter((m) => m.includes("Connexion bloquée"))).toHaveLength(96);
    expect((await startLogin(db.prisma, { loginId: p.login, password: PASSWORD })).ok).toBe(false);
  });

  it("ends 12 hours after sign-in whatever the activity (absolute lifetime besides the 30-minute idle timeout)", async () => {
    const p = await makePatient();
    const signedInAt = new Date();
    const token = (await decodePatientToken(await signIn(p.login, signedInAt))) as TPatientToken;
    // A renewal keeps the sign-in time: only the idle expiry moves.
    const renewed = (await decodePatientToken(await encodePatientToken(token))) as TPatientToken;
    expect(renewed.authAt).toBe(signedInAt.getTime());
    const at = (ms: number) => new Date(signedInAt.getTime() + ms);
    // Active all along: renewed a minute before each check, so only the absolute lifetime can end it.
    const activeAt = (ms: number): TPatientToken => ({ ...renewed, seenAt: signedInAt.getTime() + ms - 60_000 });
    expect(await loadPatientAccountSession(db.prisma, activeAt(PATIENT_SESSION_ABSOLUTE_MAX_AGE_MS - 60_000), at(PATIENT_SESSION_ABSOLUTE_MAX_AGE_MS - 60_000))).not.toBeNull();
    expect(await loadPatientAccountSession(db.prisma, activeAt(PATIENT_SESSION_ABSOLUTE_MAX_AGE_MS + 1000), at(PATIENT_SESSION_ABSOLUTE_MAX_AGE_MS + 1000))).toBeNull();
  });

  it("ends after 30 minutes without activity on the platform's clock (the sandbox clock moves it too)", async () => {
    const p = await makePatient();
    const token = (await decodePatientToken(await encodePatientToken((await decodePatientToken(await signIn(p.login, new Date()))) as TPatientToken))) as TPatientToken;
    expect(typeof token.seenAt).toBe("number");
    const after = (ms: number) => new Date(token.seenAt! + ms);
    expect(await loadPatientAccountSession(db.prisma, token, after(29 * 60_000))).not.toBeNull();
    expect(await loadPatientAccountSession(db.prisma, token, after(30 * 60_000 + 1000))).toBeNull();
  });

  it("a token without the revocation claims (minted before this rule, or forged without them) is refused", async () => {
    const p = await makePatient();
    const { encode } = await import("next-auth/jwt");
    const { sessionSecret } = await import("@/lib/auth/session-secret");
    const legacy = await encode({ token: { sub: p.accountId, portal: "patient", name: "Léa", actingFor: p.patientId }, secret: sessionSecret(), maxAge: 1800 });
    expect(await decodePatientToken(legacy)).toBeNull();
  });
});

describe("unauthorized access: a copied professional session cookie", () => {
  async function makeCard(serial: string) {
    const structure = await db.prisma.structure.create({ data: { finess: `75${serial.slice(-7)}`.padEnd(9, "0"), name: "Cabinet", kind: "PRACTICE", city: "Paris", department: "75" } });
    const pro = await db.prisma.professional.create({
      data: { idNat: `8${serial}`, firstName: "Claire", lastName: "Essai", profession: "10", specialty: "SM54", structureId: structure.id },
    });
    await db.prisma.cpsCard.create({
      data: { serial, professionalId: pro.id, certificatePem: "-", pinHash: "-", pukHash: "-", expiresAt: new Date(Date.now() + 365 * 24 * 3600 * 1000) },
    });
    const token: TProToken = { sub: pro.id, cardSerial: serial, portal: "pro", sv: 0, authAt: Date.now() };
    return { pro, token };
  }

  it("is refused after sign-out, which ends every session of the card", async () => {
    const { token } = await makeCard("80000000001");
    expect(await loadProfessionalActor(db.prisma, token)).toMatchObject({ cardSerial: "80000000001" });
    await endCardSessions(db.prisma, "80000000001");
    expect(await loadProfessionalActor(db.prisma, token)).toBeNull();
  });

  it("is refused once the card is opposed", async () => {
    const { token } = await makeCard("80000000002");
    const operator = { kind: "PROFESSIONAL", professionalId: "op", idNat: "op", name: "Opérateur", isOperator: true, cardSerial: "op" } as unknown as TProActor;
    await opposeCard(db.prisma, operator, "80000000002");
    expect(await loadProfessionalActor(db.prisma, token)).toBeNull();
  });

  it("ends 12 hours after the card sign-in whatever the activity", async () => {
    const { token } = await makeCard("80000000003");
    expect(await loadProfessionalActor(db.prisma, token, new Date(token.authAt + PRO_SESSION_ABSOLUTE_MAX_AGE_MS - 60_000))).not.toBeNull();
    expect(await loadProfessionalActor(db.prisma, token, new Date(token.authAt + PRO_SESSION_ABSOLUTE_MAX_AGE_MS + 1000))).toBeNull();
  });
});
