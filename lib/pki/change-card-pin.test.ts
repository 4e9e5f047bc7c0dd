import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { cardPinInput, openCard } from "@/lib/testing/open-card";
import { importCardSigningKey, newKeySalt, signNonce, unwrapPrivateKey, wrapPrivateKey, type TCardFile } from "./card-file";
import { isCardError, type TCardRefusal } from "./card-errors";
import { requestCardChallenge, verifyCardSignIn } from "./card-sign-in";
import { changeCardPin } from "./change-card-pin";
import { issueCard, type TIssuedCard } from "./issue-card";
import { opposeCard } from "./oppose-card";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordQueryPlans, wholeTableRead } from "@/lib/testing/query-plans";

let db: TTestDatabase;
let professionalId: string;
let counter = 0;

async function newProfessional(overrides: { isOperator?: boolean } = {}): Promise<string> {
  counter += 1;
  const p = await db.prisma.professional.create({
    data: {
      idNat: `81020230${String(1000 + counter)}`,
      rpps: `1020230${String(1000 + counter)}`,
      firstName: "Julie",
      lastName: `Garnier${counter}`,
      profession: "21",
      isOperator: overrides.isOperator ?? false,
    },
  });
  return p.id;
}

async function expectRefusal(promise: Promise<unknown>, refusal: TCardRefusal): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(isCardError(error), String(error)).toBe(true);
    if (isCardError(error)) {
      expect(error.refusal).toBe(refusal);
      return error.message;
    }
  }
  throw new Error(`refus ${refusal} attendu, la promesse a réussi`);
}

/**
 * What the browser does: the platform checks (and counts) the current PIN and returns a
 * nonce and the unwrapping key; the card's key signs the nonce; the platform records the
 * new PIN and returns the key the browser wraps the card's key under for the new file.
 */
async function changePin(file: TCardFile, currentPin: string, newPin: string, prisma: PrismaClient = db.prisma): Promise<TCardFile> {
  const { nonce, unwrapKey } = await requestCardChallenge(prisma, cardPinInput(file, currentPin));
  const pkcs8 = await unwrapPrivateKey(file.encryptedKey, unwrapKey);
  if (!pkcs8) throw new Error("la clé ne s'ouvre pas");
  const signature = await signNonce(await importCardSigningKey(pkcs8), nonce);
  const newSalt = newKeySalt();
  const { generation, wrapKey } = await changeCardPin(prisma, { serial: file.serial, nonce, signature, newPin, newSalt });
  return { ...file, encryptedKey: await wrapPrivateKey(pkcs8, wrapKey, { generation, salt: newSalt }) };
}

async function signIn(file: TCardFile, pin: string) {
  const { nonce, key } = await openCard(db.prisma, file, pin);
  return verifyCardSignIn(db.prisma, { serial: file.serial, nonce, certificatePem: file.certificatePem, signature: await signNonce(key, nonce) });
}

const cardRow = (card: TIssuedCard) => db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } });

beforeAll(async () => {
  db = await createTestDatabase({ name: "pki-pin-change" });
  professionalId = await newProfessional();
});

afterAll(async () => {
  await db.cleanup();
});

describe("wrapPrivateKey", () => {
  it("puts the same key under a new wrapping key and salt; another wrapping key does not open it", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { unwrapKey } = await requestCardChallenge(db.prisma, cardPinInput(card.file, "1234"));
    const pkcs8 = await unwrapPrivateKey(card.file.encryptedKey, unwrapKey);
    expect(pkcs8).not.toBeNull();
    const otherKey = Buffer.alloc(32, 7).toString("base64");
    const wrapped = await wrapPrivateKey(pkcs8!, otherKey, { generation: 2, salt: newKeySalt() });
    expect(wrapped).toMatchObject({ generation: 2 });
    expect(wrapped.salt).not.toBe(card.file.encryptedKey.salt);
    expect(await unwrapPrivateKey(wrapped, unwrapKey)).toBeNull();
    expect(Buffer.from((await unwrapPrivateKey(wrapped, otherKey))!).equals(Buffer.from(pkcs8!))).toBe(true);
  });
});

describe("changeCardPin", () => {
  it("retires the card's open nonces through an index on the card, not by reading every sign-in's challenge", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const recorder = recordQueryPlans(db);
    try {
      const plans = await recorder.plansOf(() => changePin(card.file, "1234", "5678", recorder.prisma));
      const challengePlans = plans.filter((p) => p.includes("CardChallenge"));
      expect(challengePlans.length).toBeGreaterThan(0);
      for (const plan of challengePlans) expect(plan).not.toMatch(wholeTableRead(db, "CardChallenge"));
    } finally {
      await recorder.disconnect();
    }
  });

  it("records the new PIN, resets the counter and traces the change; only the new file and PIN sign in", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "0000")), "WRONG_PIN");
    expect((await cardRow(card)).pinTries).toBe(1);
    const before = (await cardRow(card)).pinHash;

    const newFile = await changePin(card.file, "1234", "5678");

    const row = await cardRow(card);
    expect(row).toMatchObject({ status: "ACTIVE", pinTries: 0 });
    expect(row.pinHash).not.toBe(before);
    expect(row.pinHash).not.toContain("5678");
    const trace = await db.prisma.trace.findFirst({ where: { action: "CARD_PIN_CHANGE", patientId: null }, orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ actorKind: "PROFESSIONAL", actorId: professionalId, actorProfession: "21" });
    expect(trace?.detail).toContain(card.serial);

    expect(row.keyGeneration).toBe(2);
    expect(newFile.encryptedKey.generation).toBe(2);

    // The old file is retired, with the old PIN as with the new one (and nothing is counted).
    expect(await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "1234")), "RETIRED_FILE")).toMatch(/n'est plus valide/);
    await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "5678")), "RETIRED_FILE");
    expect((await cardRow(card)).pinTries).toBe(0);
    await expect(signIn(newFile, "5678")).resolves.toMatchObject({ professionalId, cardSerial: card.serial });
    expect((await cardRow(card)).pinTries).toBe(0);
  });

  it("counts a wrong current PIN as at sign-in and blocks the card at 3, nothing changed", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { pinHash } = await cardRow(card);
    expect(await expectRefusal(changePin(card.file, "0000", "5678"), "WRONG_PIN")).toMatch(/Il reste 2 essais/);
    // Sign-in and PIN change share the counter.
    expect(await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "1111")), "WRONG_PIN")).toMatch(/Il reste 1 essai/);
    expect(await expectRefusal(changePin(card.file, "2222", "5678"), "BLOCKED")).toMatch(/la carte est bloquée/);
    expect(await cardRow(card)).toMatchObject({ status: "BLOCKED", pinTries: 3, pinHash });
    // The right PIN no longer helps.
    expect(await expectRefusal(changePin(card.file, "1234", "5678"), "BLOCKED")).toBe("Carte bloquée : saisissez le code de déblocage.");
    expect((await cardRow(card)).pinHash).toBe(pinHash);
  });

  it("refuses an opposed card and an expired card with the sign-in messages", async () => {
    const operator: TProActor = {
      kind: "PROFESSIONAL",
      professionalId: await newProfessional({ isOperator: true }),
      name: "Opérateur",
      profession: "10",
      specialty: null,
      isSamuRegulator: false,
      structureName: null,
      isOperator: true,
      cardSerial: "X",
      idNat: "8",
    };
    const opposed = await issueCard(db.prisma, professionalId, { pin: "1234" });
    await opposeCard(db.prisma, operator, opposed.serial);
    expect(await expectRefusal(changePin(opposed.file, "1234", "5678"), "OPPOSED")).toMatch(/^Carte en opposition/);

    const expired = await issueCard(db.prisma, professionalId, { pin: "1234", now: new Date(Date.now() - 7 * 365 * 86400_000) });
    expect(await expectRefusal(changePin(expired.file, "1234", "5678"), "EXPIRED")).toMatch(/^Carte expirée/);
    for (const card of [opposed, expired]) expect(await cardRow(card)).toMatchObject({ pinTries: 0, keyGeneration: 1 });
    await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(expired.file, "1234")), "EXPIRED");
  });

  it("refuses a bad new PIN before anything, and the current PIN as new PIN: nothing changed", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { pinHash } = await cardRow(card);
    const change = (newPin: string) => changeCardPin(db.prisma, { serial: card.serial, nonce: "n", signature: "s", newPin, newSalt: newKeySalt() });
    expect(await expectRefusal(change("123"), "INVALID_NEW_PIN_FORMAT")).toBe("Le nouveau code porteur comporte exactement 4 chiffres.");
    await expectRefusal(change("12a4"), "INVALID_NEW_PIN_FORMAT");
    await expectRefusal(change("123456"), "INVALID_NEW_PIN_FORMAT");
    expect(await expectRefusal(changePin(card.file, "1234", "1234"), "SAME_PIN")).toMatch(/différent du code porteur actuel/);
    expect(await cardRow(card)).toMatchObject({ status: "ACTIVE", pinTries: 0, pinHash, keyGeneration: 1 });
    expect(await db.prisma.trace.count({ where: { action: "CARD_PIN_CHANGE", detail: { contains: card.serial } } })).toBe(0);
    await expect(signIn(card.file, "1234")).resolves.toMatchObject({ professionalId });
  });

  it("retires the card's open nonces: one obtained before the change neither signs in nor changes the PIN again", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { nonce, key } = await openCard(db.prisma, card.file, "1234");
    const newFile = await changePin(card.file, "1234", "5678");
    const signature = await signNonce(key, nonce);
    await expectRefusal(verifyCardSignIn(db.prisma, { serial: card.serial, nonce, certificatePem: card.file.certificatePem, signature }), "CHALLENGE_INVALID");
    await expectRefusal(changeCardPin(db.prisma, { serial: card.serial, nonce, signature, newPin: "2468", newSalt: newKeySalt() }), "CHALLENGE_INVALID");
    expect((await cardRow(card)).keyGeneration).toBe(2);
    await expect(signIn(newFile, "5678")).resolves.toMatchObject({ professionalId });
  });
});
