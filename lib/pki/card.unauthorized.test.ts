import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { cardSessionVersion, loadProfessionalActor, type TProToken } from "@/lib/auth/pro/professional-session";
import { cardPinInput, openCard } from "@/lib/testing/open-card";
import { base64ToBytes, importCardSigningKey, newKeySalt, signNonce, unwrapPrivateKey, wrapPrivateKey, type TCardFile, type TEncryptedKey } from "./card-file";
import { isCardError } from "./card-errors";
import { MAX_PIN_TRIES, requestCardChallenge, verifyCardSignIn } from "./card-sign-in";
import { changeCardPin } from "./change-card-pin";
import { issueCard } from "./issue-card";
import { MAX_PUK_TRIES_PER_DAY, unblockCard } from "./unblock-card";

let db: TTestDatabase;
let professionalId: string;

beforeAll(async () => {
  db = await createTestDatabase({ name: "card-unauthorized" });
  const p = await db.prisma.professional.create({
    data: { idNat: "810303030001", rpps: "10303030001", title: "Dr", firstName: "Alice", lastName: "Vol", profession: "10", specialty: "SM54" },
  });
  professionalId = p.id;
});

afterAll(async () => {
  await db.cleanup();
});

const refusalOf = (result: PromiseSettledResult<unknown>) =>
  result.status === "rejected" && isCardError(result.reason) ? { refusal: result.reason.refusal, message: result.reason.message } : null;

/** An offline attacker's ways to turn a PIN guess into a key for the file, without the platform. */
async function opensOffline(encrypted: TEncryptedKey, pin: string): Promise<boolean> {
  const subtle = globalThis.crypto.subtle;
  const salt = new TextEncoder().encode(encrypted.salt);
  const candidates: CryptoKey[] = [];
  const material = await subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveKey"]);
  for (const iterations of [1_000, 100_000]) {
    for (const s of [salt, base64ToBytes(encrypted.salt.replace(/-/g, "+").replace(/_/g, "/").padEnd(24, "="))]) {
      candidates.push(await subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: s, iterations }, material, { name: "AES-GCM", length: 256 }, false, ["decrypt"]));
    }
  }
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(`${encrypted.salt}${pin}`));
  candidates.push(await subtle.importKey("raw", digest, "AES-GCM", false, ["decrypt"]));
  for (const key of candidates) {
    try {
      await subtle.decrypt({ name: "AES-GCM", iv: base64ToBytes(encrypted.iv) }, key, base64ToBytes(encrypted.data));
      return true;
    } catch {
      // not this one
    }
  }
  return false;
}

describe("unauthorized access: a CPS card file without the PIN verified and counted by the platform", () => {
  it("the file alone lets no PIN guess be checked offline: the right PIN does not open it without the platform", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    expect(await opensOffline(card.file.encryptedKey, "1234")).toBe(false);
    expect(await opensOffline(card.file.encryptedKey, "0000")).toBe(false);
    // The platform, after a counted PIN check, gives the key that opens it.
    await expect(openCard(db.prisma, card.file, "1234")).resolves.toMatchObject({ key: { type: "private" } });
  });

  it(`59 parallel PIN guesses on one card get at most ${MAX_PIN_TRIES} verdicts and block it`, async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "9999" });
    const guesses = Array.from({ length: 59 }, (_, i) => String(i).padStart(4, "0"));
    const results = await Promise.allSettled(guesses.map((pin) => requestCardChallenge(db.prisma, cardPinInput(card.file, pin))));
    const verdicts = results.map(refusalOf).filter((r) => r?.message.startsWith("Code porteur incorrect"));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.length).toBeLessThanOrEqual(MAX_PIN_TRIES);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(await db.prisma.loginAttempt.count({ where: { subject: card.serial, success: false } })).toBeLessThanOrEqual(MAX_PIN_TRIES);
    expect((await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } })).status).toBe("BLOCKED");
    expect(refusalOf((await Promise.allSettled([requestCardChallenge(db.prisma, cardPinInput(card.file, "9999"))]))[0]!)?.refusal).toBe("BLOCKED");
  });

  it(`40 parallel unblocking-code guesses get at most ${MAX_PUK_TRIES_PER_DAY} verdicts a day`, async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", puk: "99999999" });
    const guesses = Array.from({ length: 40 }, (_, i) => String(i).padStart(8, "0"));
    const results = await Promise.allSettled(guesses.map((puk) => unblockCard(db.prisma, { serial: card.serial, puk })));
    const refusals = results.map(refusalOf);
    expect(refusals.filter((r) => r?.refusal === "WRONG_PUK").length).toBe(MAX_PUK_TRIES_PER_DAY);
    expect(refusals.filter((r) => r?.refusal === "PUK_LOCKED").length).toBe(40 - MAX_PUK_TRIES_PER_DAY);
    // The right code, now, is refused too until the day has passed.
    await expect(unblockCard(db.prisma, { serial: card.serial, puk: "99999999" })).rejects.toMatchObject({ refusal: "PUK_LOCKED" });
  });

  it("an old card file after a PIN change yields no web sign-in, even with the key opened before the change", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const stolen = await openCard(db.prisma, card.file, "1234");
    // The holder changes the PIN (signature by the card's key over a counted PIN check).
    const { nonce, unwrapKey } = await requestCardChallenge(db.prisma, cardPinInput(card.file, "1234"));
    const pkcs8 = await unwrapPrivateKey(card.file.encryptedKey, unwrapKey);
    const newSalt = newKeySalt();
    const changed = await changeCardPin(db.prisma, {
      serial: card.serial,
      nonce,
      signature: await signNonce(await importCardSigningKey(pkcs8!), nonce),
      newPin: "5678",
      newSalt,
    });
    const newFile: TCardFile = { ...card.file, encryptedKey: await wrapPrivateKey(pkcs8!, changed.wrapKey, { generation: changed.generation, salt: newSalt }) };

    for (const pin of ["1234", "5678"]) {
      await expect(requestCardChallenge(db.prisma, cardPinInput(card.file, pin))).rejects.toMatchObject({ refusal: "RETIRED_FILE" });
    }
    const signature = await signNonce(stolen.key, stolen.nonce);
    await expect(verifyCardSignIn(db.prisma, { serial: card.serial, nonce: stolen.nonce, certificatePem: card.file.certificatePem, signature })).rejects.toMatchObject({
      refusal: "CHALLENGE_INVALID",
    });
    // Posing as the new file needs the new PIN: the old one is a counted wrong guess.
    await expect(requestCardChallenge(db.prisma, cardPinInput(newFile, "1234"))).rejects.toMatchObject({ refusal: "WRONG_PIN" });
    const fresh = await openCard(db.prisma, newFile, "5678");
    await expect(
      verifyCardSignIn(db.prisma, { serial: card.serial, nonce: fresh.nonce, certificatePem: card.file.certificatePem, signature: await signNonce(fresh.key, fresh.nonce) }),
    ).resolves.toMatchObject({ professionalId });
  });

  it("a PIN change ends the card's open web sessions: a professional session token issued before it is refused after it", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const opened = await openCard(db.prisma, card.file, "1234");
    const signedIn = await verifyCardSignIn(db.prisma, {
      serial: card.serial,
      nonce: opened.nonce,
      certificatePem: card.file.certificatePem,
      signature: await signNonce(opened.key, opened.nonce),
    });
    // The token the portal mints at sign-in: the card's session version at that moment.
    const token: TProToken = { sub: signedIn.professionalId, cardSerial: card.serial, portal: "pro", sv: (await cardSessionVersion(db.prisma, card.serial))!, authAt: Date.now() };
    expect(await loadProfessionalActor(db.prisma, token)).toMatchObject({ cardSerial: card.serial });

    const { nonce, unwrapKey } = await requestCardChallenge(db.prisma, cardPinInput(card.file, "1234"));
    const pkcs8 = await unwrapPrivateKey(card.file.encryptedKey, unwrapKey);
    await changeCardPin(db.prisma, { serial: card.serial, nonce, signature: await signNonce(await importCardSigningKey(pkcs8!), nonce), newPin: "5678", newSalt: newKeySalt() });

    expect(await loadProfessionalActor(db.prisma, token)).toBeNull();
  });

  it("a PIN change needs a signature by the card's key: a serial and the right PIN alone change nothing", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const other = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const before = await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } });
    const change = (nonce: string, signature: string) => changeCardPin(db.prisma, { serial: card.serial, nonce, signature, newPin: "5678", newSalt: newKeySalt() });

    await expect(change("nonce-invente", "AAAA")).rejects.toMatchObject({ refusal: "CHALLENGE_INVALID" });
    const { nonce } = await requestCardChallenge(db.prisma, cardPinInput(card.file, "1234"));
    const { key: otherKey } = await openCard(db.prisma, other.file, "1234");
    await expect(change(nonce, await signNonce(otherKey, nonce))).rejects.toMatchObject({ refusal: "BAD_SIGNATURE" });
    const after = await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } });
    expect(after).toMatchObject({ pinHash: before.pinHash, keySecret: before.keySecret, keyGeneration: 1 });
    expect(await db.prisma.trace.count({ where: { action: "CARD_PIN_CHANGE", detail: { contains: card.serial } } })).toBe(0);
  });
});
