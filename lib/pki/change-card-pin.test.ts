import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { decryptSigningKey, reencryptPrivateKey, signNonce, type TCardFile } from "./card-file";
import { isCardError, type TCardRefusal } from "./card-errors";
import { requestCardChallenge, verifyCardSignIn } from "./card-sign-in";
import { changeCardPin } from "./change-card-pin";
import { issueCard, type TIssuedCard } from "./issue-card";
import { opposeCard } from "./oppose-card";

const FAST = 1_000;
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

/** What the browser does: the current PIN opens the key, re-encrypted under the new PIN; the server records the change. */
async function changePin(card: TIssuedCard, currentPin: string, newPin: string): Promise<TCardFile> {
  const encryptedKey = await reencryptPrivateKey(card.file.encryptedKey, currentPin, newPin);
  await changeCardPin(db.prisma, { serial: card.serial, currentPin, newPin, isKeyOpened: encryptedKey !== null });
  if (!encryptedKey) throw new Error("la clé ne s'ouvre pas");
  return { ...card.file, encryptedKey };
}

async function signIn(file: TCardFile, pin: string) {
  const { nonce } = await requestCardChallenge(db.prisma, { serial: file.serial, pin });
  const key = await decryptSigningKey(file.encryptedKey, pin);
  if (!key) throw new Error("la clé ne s'ouvre pas");
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

describe("reencryptPrivateKey", () => {
  it("puts the same key under the new PIN, with a fresh salt, and refuses a wrong current PIN", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", iterations: FAST });
    expect(await reencryptPrivateKey(card.file.encryptedKey, "9999", "5678")).toBeNull();
    const encrypted = await reencryptPrivateKey(card.file.encryptedKey, "1234", "5678");
    expect(encrypted).not.toBeNull();
    expect(encrypted?.salt).not.toBe(card.file.encryptedKey.salt);
    expect(encrypted?.iterations).toBe(FAST);
    expect(await decryptSigningKey(encrypted!, "1234")).toBeNull();
    expect(await decryptSigningKey(encrypted!, "5678")).not.toBeNull();
  });
});

describe("changeCardPin", () => {
  it("records the new PIN, resets the counter and traces the change; only the new file and PIN sign in", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", iterations: FAST });
    await expectRefusal(requestCardChallenge(db.prisma, { serial: card.serial, pin: "0000" }), "WRONG_PIN");
    expect((await cardRow(card)).pinTries).toBe(1);
    const before = (await cardRow(card)).pinHash;

    const newFile = await changePin(card, "1234", "5678");

    const row = await cardRow(card);
    expect(row).toMatchObject({ status: "ACTIVE", pinTries: 0 });
    expect(row.pinHash).not.toBe(before);
    expect(row.pinHash).not.toContain("5678");
    const trace = await db.prisma.trace.findFirst({ where: { action: "CARD_PIN_CHANGE", patientId: null }, orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ actorKind: "PROFESSIONAL", actorId: professionalId, actorProfession: "21" });
    expect(trace?.detail).toContain(card.serial);

    // The old file with the old PIN: the server no longer knows that PIN (and counts it).
    expect(await expectRefusal(requestCardChallenge(db.prisma, { serial: card.serial, pin: "1234" }), "WRONG_PIN")).toMatch(/2 essais/);
    await expect(signIn(newFile, "5678")).resolves.toMatchObject({ professionalId, cardSerial: card.serial });
    expect((await cardRow(card)).pinTries).toBe(0);
  });

  it("counts a wrong current PIN as at sign-in and blocks the card at 3, nothing changed", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", iterations: FAST });
    const { pinHash } = await cardRow(card);
    expect(await expectRefusal(changePin(card, "0000", "5678"), "WRONG_PIN")).toMatch(/Il reste 2 essais/);
    // Sign-in and PIN change share the counter.
    expect(await expectRefusal(requestCardChallenge(db.prisma, { serial: card.serial, pin: "1111" }), "WRONG_PIN")).toMatch(/Il reste 1 essai/);
    expect(await expectRefusal(changePin(card, "2222", "5678"), "BLOCKED")).toMatch(/la carte est bloquée/);
    expect(await cardRow(card)).toMatchObject({ status: "BLOCKED", pinTries: 3, pinHash });
    // The right PIN no longer helps.
    expect(await expectRefusal(changePin(card, "1234", "5678"), "BLOCKED")).toBe("Carte bloquée : saisissez le code de déblocage.");
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
    const opposed = await issueCard(db.prisma, professionalId, { pin: "1234", iterations: FAST });
    await opposeCard(db.prisma, operator, opposed.serial);
    expect(await expectRefusal(changePin(opposed, "1234", "5678"), "OPPOSED")).toMatch(/^Carte en opposition/);

    const expired = await issueCard(db.prisma, professionalId, { pin: "1234", iterations: FAST, now: new Date(Date.now() - 7 * 365 * 86400_000) });
    expect(await expectRefusal(changePin(expired, "1234", "5678"), "EXPIRED")).toMatch(/^Carte expirée/);
    for (const card of [opposed, expired]) {
      expect((await cardRow(card)).pinTries).toBe(0);
      expect(await decryptSigningKey(card.file.encryptedKey, "1234")).not.toBeNull();
    }
    await expectRefusal(requestCardChallenge(db.prisma, { serial: expired.serial, pin: "1234" }), "EXPIRED");
  });

  it("refuses a bad new PIN before checking the current one: nothing changed, nothing counted", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", iterations: FAST });
    const { pinHash } = await cardRow(card);
    const change = (currentPin: string, newPin: string) =>
      changeCardPin(db.prisma, { serial: card.serial, currentPin, newPin, isKeyOpened: true });
    expect(await expectRefusal(change("1234", "123"), "INVALID_NEW_PIN_FORMAT")).toBe("Le nouveau code porteur comporte exactement 4 chiffres.");
    await expectRefusal(change("1234", "12a4"), "INVALID_NEW_PIN_FORMAT");
    await expectRefusal(change("0000", "123456"), "INVALID_NEW_PIN_FORMAT");
    expect(await expectRefusal(change("1234", "1234"), "SAME_PIN")).toMatch(/différent du code porteur actuel/);
    expect(await cardRow(card)).toMatchObject({ status: "ACTIVE", pinTries: 0, pinHash });
    expect(await db.prisma.trace.count({ where: { action: "CARD_PIN_CHANGE", detail: { contains: card.serial } } })).toBe(0);
    await expect(signIn(card.file, "1234")).resolves.toMatchObject({ professionalId });
  });

  it("changes nothing when the right PIN does not open the file (an older file of the card)", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", iterations: FAST });
    await changePin(card, "1234", "5678");
    const { pinHash } = await cardRow(card);
    // The old file with the new PIN: the browser cannot open it, the server knows the PIN.
    const encryptedKey = await reencryptPrivateKey(card.file.encryptedKey, "5678", "2468");
    expect(encryptedKey).toBeNull();
    await expectRefusal(changeCardPin(db.prisma, { serial: card.serial, currentPin: "5678", newPin: "2468", isKeyOpened: false }), "FILE_NOT_OPENED");
    expect(await cardRow(card)).toMatchObject({ status: "ACTIVE", pinTries: 0, pinHash });
    // With a wrong PIN the same request counts.
    await expectRefusal(changeCardPin(db.prisma, { serial: card.serial, currentPin: "0000", newPin: "2468", isKeyOpened: false }), "WRONG_PIN");
    expect((await cardRow(card)).pinTries).toBe(1);
  });
});
