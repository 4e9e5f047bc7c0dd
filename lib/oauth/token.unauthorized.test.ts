import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { cardPinInput, openCard, openCardBypassingPin } from "@/lib/testing/open-card";
import { importCardSigningKey, newKeySalt, signNonce, unwrapPrivateKey } from "@/lib/pki/card-file";
import { requestCardChallenge } from "@/lib/pki/card-sign-in";
import { changeCardPin } from "@/lib/pki/change-card-pin";
import { issueCard, type TIssuedCard } from "@/lib/pki/issue-card";
import { verifyAccessToken } from "./access-token";
import { CLIENT_ASSERTION_TYPE, exchangeClientAssertion } from "./exchange-token";
import { signClientAssertion } from "./sign-client-assertion";

process.env.NEXTAUTH_SECRET ??= "secret-de-test-jeton-carte-0123456789abcdef";
const tokenUrl = "http://localhost/api/oauth/token";
let db: TTestDatabase;
let professionalId: string;

beforeAll(async () => {
  db = await createTestDatabase({ name: "token-unauthorized" });
  const p = await db.prisma.professional.create({
    data: { idNat: "810404040001", rpps: "10404040001", title: "Dr", firstName: "Bruno", lastName: "Jeton", profession: "10", specialty: "SM54" },
  });
  professionalId = p.id;
});

afterAll(async () => {
  await db.cleanup();
});

async function exchange(card: TIssuedCard, key: CryptoKey, pinTicket?: string) {
  const assertion = await signClientAssertion({ key, chainPem: [card.file.certificatePem], tokenUrl, pinTicket });
  const form = new URLSearchParams({ grant_type: "client_credentials", client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion });
  return exchangeClientAssertion(db.prisma, form, { tokenUrl });
}

// No PIN verified by the platform: the grant is missing (RFC 6749 §5.2 invalid_grant, 400).
const refused = { status: 400, error: "invalid_grant", message: expect.stringMatching(/code porteur/) };

describe("unauthorized access: API token with a CPS card", () => {
  it("the card's key without a PIN verified by the platform yields no token", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    // A key extracted somehow: the PIN was never checked by the platform for this request.
    const key = await openCardBypassingPin(db.prisma, card.file, "1234");
    await expect(exchange(card, key)).rejects.toMatchObject(refused);
    await expect(exchange(card, key, "ticket-invente-0123456789")).rejects.toMatchObject(refused);
  });

  it("a PIN verification yields one token: its ticket replayed in a new assertion yields none", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { nonce, key } = await openCard(db.prisma, card.file, "1234");
    const token = await exchange(card, key, nonce);
    await expect(verifyAccessToken(db.prisma, `Bearer ${token.access_token}`)).resolves.toMatchObject({ mode: "DIRECT", professionalId });
    await expect(exchange(card, key, nonce)).rejects.toMatchObject(refused);
  });

  it("another card's PIN verification does not count for this card", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const other = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { key } = await openCard(db.prisma, card.file, "1234");
    const { nonce: otherTicket } = await openCard(db.prisma, other.file, "1234");
    await expect(exchange(card, key, otherTicket)).rejects.toMatchObject(refused);
  });

  it("after a PIN change the old file yields no token, and the tokens issued before stop working", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const before = await openCard(db.prisma, card.file, "1234");
    const token = await exchange(card, before.key, before.nonce);
    // Verified once (its claims are then kept): the PIN change must stop it all the same.
    await expect(verifyAccessToken(db.prisma, `Bearer ${token.access_token}`)).resolves.toMatchObject({ mode: "DIRECT" });
    const pending = await openCard(db.prisma, card.file, "1234");

    const { nonce, unwrapKey } = await requestCardChallenge(db.prisma, cardPinInput(card.file, "1234"));
    const pkcs8 = await unwrapPrivateKey(card.file.encryptedKey, unwrapKey);
    await changeCardPin(db.prisma, { serial: card.serial, nonce, signature: await signNonce(await importCardSigningKey(pkcs8!), nonce), newPin: "5678", newSalt: newKeySalt() });

    await expect(verifyAccessToken(db.prisma, `Bearer ${token.access_token}`)).rejects.toMatchObject({ status: 401 });
    await expect(exchange(card, pending.key, pending.nonce)).rejects.toMatchObject(refused);
    await expect(requestCardChallenge(db.prisma, cardPinInput(card.file, "1234"))).rejects.toMatchObject({ refusal: "RETIRED_FILE" });
    await expect(requestCardChallenge(db.prisma, cardPinInput(card.file, "5678"))).rejects.toMatchObject({ refusal: "RETIRED_FILE" });
  });

  it("a token already verified still expires after its 5 minutes, on the platform clock", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { nonce, key } = await openCard(db.prisma, card.file, "1234");
    const token = await exchange(card, key, nonce);
    const issuedAt = new Date();
    await expect(verifyAccessToken(db.prisma, `Bearer ${token.access_token}`, issuedAt)).resolves.toMatchObject({ mode: "DIRECT" });
    await expect(verifyAccessToken(db.prisma, `Bearer ${token.access_token}`, new Date(issuedAt.getTime() + 301_000))).rejects.toMatchObject({
      status: 401,
      message: expect.stringMatching(/expiré/),
    });
    const forged = `${token.access_token.slice(0, -4)}AAAA`;
    await expect(verifyAccessToken(db.prisma, `Bearer ${forged}`, issuedAt)).rejects.toMatchObject({ status: 401 });
  });
});
