import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TPatientActor } from "@/lib/access/actor";
import { cancelContactChange, confirmContactChange, pendingContactChange, requestContactChange, type TSendCode, type TSendNotice } from "./contact-change";
import { hashPassword } from "@/lib/auth/password";

let db: TTestDatabase;
let alice: TPatientActor;
let bob: TPatientActor;
let sent: { channel: string; destination: string; code: string }[] = [];
const sendCode: TSendCode = async (channel, destination, code) => {
  sent.push({ channel, destination, code });
};
const sendNotice: TSendNotice = async () => {};
const senders = { code: sendCode, notice: sendNotice };
const PASSWORD = "Mot-de-passe-Essai-1";

async function contact(actor: TPatientActor) {
  const [patient, account] = await Promise.all([
    db.prisma.patient.findUniqueOrThrow({ where: { id: actor.patientId }, select: { email: true, phone: true } }),
    db.prisma.account.findUniqueOrThrow({ where: { id: actor.accountId }, select: { email: true, phone: true } }),
  ]);
  return { patient, account };
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "contact-change" });
  const make = async (nir: string, login: string) => {
    const patient = await db.prisma.patient.create({
      data: { nir, birthDate: "1980-01-01", firstName: login, lastName: "Essai", sex: "F", department: "75", email: `${login}@exemple.fr`, phone: "+33611111111" },
    });
    const account = await db.prisma.account.create({
      data: { loginId: login, passwordHash: await hashPassword(PASSWORD), firstName: login, lastName: "Essai", patientId: patient.id, email: `${login}@exemple.fr`, phone: "+33611111111" },
    });
    return { kind: "PATIENT" as const, accountId: account.id, patientId: patient.id, name: login };
  };
  alice = await make("280017505600195", "alice");
  bob = await make("180017505600138", "bob");
});

beforeEach(async () => {
  sent = [];
  await cancelContactChange(db.prisma, alice);
});

afterAll(async () => {
  await db.cleanup();
});

describe("contact change", () => {
  it("keeps a new e-mail address pending until the code sent to it comes back", async () => {
    const result = await requestContactChange(db.prisma, alice, { email: "Alice.Nouvelle@Exemple.fr", phone: "06 11 11 11 11", currentPassword: PASSWORD }, senders);
    expect(result).toEqual({ status: "CODE_SENT", destinationHint: "a…e@exemple.fr" });
    expect(sent).toEqual([{ channel: "EMAIL", destination: "alice.nouvelle@exemple.fr", code: expect.stringMatching(/^\d{6}$/) }]);
    expect((await contact(alice)).account.email).toBe("alice@exemple.fr");
    expect(await pendingContactChange(db.prisma, alice)).toEqual({ destinationHint: "a…e@exemple.fr" });

    const wrong = sent[0]!.code === "000000" ? "111111" : "000000";
    await expect(confirmContactChange(db.prisma, alice, wrong, { sendNotice })).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: expect.stringContaining("Code incorrect") });
    expect((await contact(alice)).patient.email).toBe("alice@exemple.fr");

    await confirmContactChange(db.prisma, alice, sent[0]!.code, { sendNotice });
    expect(await contact(alice)).toEqual({
      patient: { email: "alice.nouvelle@exemple.fr", phone: "+33611111111" },
      account: { email: "alice.nouvelle@exemple.fr", phone: "+33611111111" },
    });
    // Single use: the same code does not confirm anything again.
    await expect(confirmContactChange(db.prisma, alice, sent[0]!.code, { sendNotice })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await pendingContactChange(db.prisma, alice)).toBeNull();
  });

  it("sends the code of a new mobile number by SMS to that number", async () => {
    const before = await contact(alice);
    const result = await requestContactChange(db.prisma, alice, { email: before.patient.email, phone: "07 22 33 44 55", currentPassword: PASSWORD }, senders);
    expect(result).toEqual({ status: "CODE_SENT", destinationHint: "07 •• •• •• 55" });
    expect(sent[0]).toMatchObject({ channel: "SMS", destination: "+33722334455" });
    await confirmContactChange(db.prisma, alice, sent[0]!.code, { sendNotice });
    expect((await contact(alice)).account.phone).toBe("+33722334455");
  });

  it("refuses a new e-mail and a new number at once, sending nothing and changing nothing", async () => {
    const before = await contact(alice);
    await expect(requestContactChange(db.prisma, alice, { email: "autre@exemple.fr", phone: "0699999999", currentPassword: PASSWORD }, senders)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      userMessage: expect.stringContaining("l'un après l'autre"),
    });
    expect(sent).toEqual([]);
    expect(await contact(alice)).toEqual(before);
  });

  it("saves at once a removal or unchanged details (nothing new to prove)", async () => {
    const before = await contact(alice);
    expect(await requestContactChange(db.prisma, alice, { email: before.patient.email, phone: null, currentPassword: PASSWORD }, senders)).toEqual({ status: "SAVED", sessionVersion: expect.any(Number) });
    expect(sent).toEqual([]);
    expect((await contact(alice)).patient.phone).toBeNull();
  });

  it("a cancelled change cannot be confirmed", async () => {
    await requestContactChange(db.prisma, alice, { email: "annule@exemple.fr", phone: null, currentPassword: PASSWORD }, senders);
    await cancelContactChange(db.prisma, alice);
    await expect(confirmContactChange(db.prisma, alice, sent[0]!.code, { sendNotice })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await contact(alice)).patient.email).not.toBe("annule@exemple.fr");
  });

  it("a code sent for one account confirms nothing for another", async () => {
    await requestContactChange(db.prisma, alice, { email: "pour-alice@exemple.fr", phone: null, currentPassword: PASSWORD }, senders);
    await expect(confirmContactChange(db.prisma, bob, sent[0]!.code, { sendNotice })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await contact(bob)).patient.email).toBe("bob@exemple.fr");
  });
});
