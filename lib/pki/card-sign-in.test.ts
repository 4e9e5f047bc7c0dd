import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { createAuthorityPair, getOrCreateAuthorities } from "./authorities";
import { cardPinInput, openCard, openCardBypassingPin } from "@/lib/testing/open-card";
import { parseCardFile, signNonce } from "./card-file";
import { subjectClaims } from "./card-subject";
import { isCardError, type TCardRefusal } from "./card-errors";
import { requestCardChallenge, verifyCardSignIn } from "./card-sign-in";
import { issueCard, type TIssuedCard } from "./issue-card";
import { opposeCard } from "./oppose-card";
import { unblockCard } from "./unblock-card";
import { checkCardCertificate } from "./verify-certificate";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, importSigningKey, subtle, x509 } from "./x509";

let db: TTestDatabase;
let professionalId: string;
let counter = 0;

async function newProfessional(overrides: { isOperator?: boolean } = {}): Promise<string> {
  counter += 1;
  const p = await db.prisma.professional.create({
    data: {
      idNat: `81010120${String(1000 + counter)}`,
      rpps: `1010120${String(1000 + counter)}`,
      title: "Dr",
      firstName: "Claire",
      lastName: `Martin${counter}`,
      profession: "10",
      specialty: "SM54",
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

/** What the browser does: PIN checked by the platform → nonce and unwrapping key, the key signs the nonce. */
async function signIn(card: TIssuedCard, pin = "1234", tamper?: (s: { certificatePem: string; signature: string }) => void) {
  const { nonce, key } = await openCard(db.prisma, card.file, pin);
  const sent = { certificatePem: card.file.certificatePem, signature: await signNonce(key, nonce) };
  tamper?.(sent);
  return verifyCardSignIn(db.prisma, { serial: card.serial, nonce, ...sent });
}

async function leafSignedBy(issuingCertPem: string, issuingKeyPem: string, notBefore: Date, notAfter: Date) {
  const keys = (await subtle().generateKey(EC_KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const issuer = new x509.X509Certificate(issuingCertPem);
  const cert = await x509.X509CertificateGenerator.create({
    subject: "CN=810101201234/PIRATE Paul, C=FR",
    issuer: issuer.subject,
    publicKey: keys.publicKey,
    signingKey: await importSigningKey(issuingKeyPem),
    notBefore,
    notAfter,
    signingAlgorithm: EC_SIGNING_ALGORITHM,
  });
  return { certificatePem: cert.toString("pem"), privateKey: keys.privateKey };
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "pki" });
  professionalId = await newProfessional();
});

afterAll(async () => {
  await db.cleanup();
});

describe("test authority", () => {
  it("is created once and kept in the database", async () => {
    const a = await getOrCreateAuthorities(db.prisma);
    const b = await getOrCreateAuthorities(db.prisma);
    expect(b.root.certificatePem).toBe(a.root.certificatePem);
    expect(await db.prisma.certificateAuthority.count()).toBe(2);
    const issuing = new x509.X509Certificate(a.issuing.certificatePem);
    expect(await issuing.verify({ publicKey: new x509.X509Certificate(a.root.certificatePem).publicKey, signatureOnly: true })).toBe(true);
  });
});

describe("card issue", () => {
  it("carries the national identifier, profession and specialty and is valid 6 years", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", puk: "12345678", now });
    const cert = new x509.X509Certificate(card.file.certificatePem);
    const professional = await db.prisma.professional.findUniqueOrThrow({ where: { id: professionalId } });
    expect(subjectClaims(cert.subjectName.toJSON())).toEqual({ idNat: professional.idNat, profession: "10", specialty: "SM54" });
    expect(cert.subject).toContain(`CN=${professional.idNat}/${professional.lastName.toUpperCase()} Claire`);
    expect(cert.notAfter.getUTCFullYear()).toBe(2032);
    expect(card.expiresAt.toISOString()).toBe("2032-03-01T10:00:00.000Z");
    expect(parseCardFile(JSON.stringify(card.file))?.serial).toBe(card.serial);
    const row = await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } });
    expect(row.pinHash).not.toContain("1234");
    expect(row.certificatePem).toBe(card.file.certificatePem);
  });

  it("protects the private key: the platform unwraps it for the right PIN only", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "4321" });
    expect(card.puk).toMatch(/^\d{8}$/);
    await expectRefusal(openCard(db.prisma, card.file, "0000"), "WRONG_PIN");
    await expect(openCard(db.prisma, card.file, "4321")).resolves.toMatchObject({ key: { type: "private" } });
    expect(JSON.stringify(card.file)).not.toContain("PRIVATE KEY");
    const row = await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } });
    expect(JSON.stringify(card.file)).not.toContain(row.keySecret);
  });

  it("refuses a PIN that is not 4 digits", async () => {
    await expectRefusal(issueCard(db.prisma, professionalId, { pin: "12a4" }), "INVALID_PIN_FORMAT");
  });
});

describe("card sign-in", () => {
  it("accepts a valid card with the right PIN", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const signedIn = await signIn(card);
    expect(signedIn).toMatchObject({ professionalId, cardSerial: card.serial, profession: "10", specialty: "SM54" });
  });

  it("uses each challenge once", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { nonce, key } = await openCard(db.prisma, card.file, "1234");
    const input = { serial: card.serial, nonce, certificatePem: card.file.certificatePem, signature: await signNonce(key, nonce) };
    await verifyCardSignIn(db.prisma, input);
    await expectRefusal(verifyCardSignIn(db.prisma, input), "CHALLENGE_INVALID");
  });

  it("refuses an expired challenge", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const t0 = new Date();
    const { nonce, key } = await openCard(db.prisma, card.file, "1234", { now: t0 });
    const input = { serial: card.serial, nonce, certificatePem: card.file.certificatePem, signature: await signNonce(key, nonce) };
    await expectRefusal(verifyCardSignIn(db.prisma, input, { now: new Date(t0.getTime() + 3 * 60_000) }), "CHALLENGE_INVALID");
  });

  it("refuses an expired card", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", now: new Date(Date.now() - 7 * 365 * 86400_000) });
    const message = await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "1234")), "EXPIRED");
    expect(message).toMatch(/Carte expirée/);
    // Even with a challenge obtained somehow, the certificate dates are checked.
    await db.prisma.cardChallenge.create({ data: { nonce: "n-expired", cardSerial: card.serial, expiresAt: new Date(Date.now() + 60_000) } });
    const key = await openCardBypassingPin(db.prisma, card.file, "1234");
    await expectRefusal(
      verifyCardSignIn(db.prisma, { serial: card.serial, nonce: "n-expired", certificatePem: card.file.certificatePem, signature: await signNonce(key, "n-expired") }),
      "EXPIRED",
    );
  });

  it("refuses a certificate from a foreign CA, even signed with its own key", async () => {
    const genuine = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const foreign = await createAuthorityPair(new Date(), {
      root: "CN=AC RACINE IGC-SANTE TEST (simulateur DMP), OU=IGC-SANTE TEST, O=DMP SIMULATEUR, C=FR",
      issuing: "CN=AC IGC-SANTE TEST PERSONNES (simulateur DMP), OU=IGC-SANTE TEST, O=DMP SIMULATEUR, C=FR",
    });
    const forged = await leafSignedBy(foreign.issuing.certificatePem, foreign.issuing.privateKeyPem, new Date(Date.now() - 1000), new Date(Date.now() + 86400_000));
    const { nonce } = await requestCardChallenge(db.prisma, cardPinInput(genuine.file, "1234"));
    const signature = await signNonce(forged.privateKey, nonce);
    const message = await expectRefusal(
      verifyCardSignIn(db.prisma, { serial: genuine.serial, nonce, certificatePem: forged.certificatePem, signature }),
      "FOREIGN_CA",
    );
    expect(message).toMatch(/IGC-Santé de test/);
  });

  it("refuses a tampered signature and a tampered certificate", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    await expectRefusal(
      signIn(card, "1234", (s) => {
        const bytes = Buffer.from(s.signature, "base64");
        bytes[10] = (bytes[10] ?? 0) ^ 0xff;
        s.signature = bytes.toString("base64");
      }),
      "BAD_SIGNATURE",
    );
    await expectRefusal(
      signIn(card, "1234", (s) => {
        const der = Buffer.from(s.certificatePem.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
        der[60] = (der[60] ?? 0) ^ 0x01; // inside the signed part (serial / subject)
        s.certificatePem = `-----BEGIN CERTIFICATE-----\n${der.toString("base64")}\n-----END CERTIFICATE-----\n`;
      }),
      "FOREIGN_CA",
    );
  });

  it("refuses another genuine card's certificate presented with this serial", async () => {
    const a = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const b = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { nonce } = await requestCardChallenge(db.prisma, cardPinInput(a.file, "1234"));
    const { key: keyB } = await openCard(db.prisma, b.file, "1234");
    await expectRefusal(
      verifyCardSignIn(db.prisma, { serial: a.serial, nonce, certificatePem: b.file.certificatePem, signature: await signNonce(keyB, nonce) }),
      "CERTIFICATE_MISMATCH",
    );
  });

  it("refuses an opposed card, before and after the PIN step, and traces the opposition", async () => {
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
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    const { nonce, key } = await openCard(db.prisma, card.file, "1234");
    await expect(opposeCard(db.prisma, { ...operator, isOperator: false }, card.serial)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await opposeCard(db.prisma, operator, card.serial);
    await expectRefusal(
      verifyCardSignIn(db.prisma, { serial: card.serial, nonce, certificatePem: card.file.certificatePem, signature: await signNonce(key, nonce) }),
      "OPPOSED",
    );
    const message = await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "1234")), "OPPOSED");
    expect(message).toMatch(/^Carte en opposition/);
    const trace = await db.prisma.trace.findFirst({ where: { action: "CARD_OPPOSE", patientId: null }, orderBy: { id: "desc" } });
    expect(trace?.detail).toContain(card.serial);
    await expectRefusal(unblockCard(db.prisma, { serial: card.serial, puk: card.puk }), "OPPOSED");
  });

  it("refuses an unknown card", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    await expectRefusal(requestCardChallenge(db.prisma, { ...cardPinInput(card.file, "1234"), serial: "1234567890ABCDEF" }), "UNKNOWN_CARD");
  });
});

describe("PIN counter and unblocking", () => {
  it("blocks the card after 3 consecutive wrong PINs, counted on the server", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    expect(await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "0000")), "WRONG_PIN")).toMatch(/2 essais/);
    expect(await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "1111")), "WRONG_PIN")).toMatch(/1 essai/);
    expect(await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "2222")), "BLOCKED")).toMatch(/bloquée/);
    // The right PIN no longer helps.
    expect(await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "1234")), "BLOCKED")).toBe(
      "Carte bloquée : saisissez le code de déblocage.",
    );
    const row = await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } });
    expect(row).toMatchObject({ status: "BLOCKED", pinTries: 3 });
    expect(await db.prisma.loginAttempt.count({ where: { subject: card.serial, kind: "PIN", success: false } })).toBe(3);
  });

  it("counts only consecutive errors: a right PIN resets the counter", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234" });
    await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "0000")), "WRONG_PIN");
    await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "0000")), "WRONG_PIN");
    await requestCardChallenge(db.prisma, cardPinInput(card.file, "1234"));
    await expectRefusal(requestCardChallenge(db.prisma, cardPinInput(card.file, "0000")), "WRONG_PIN");
    expect((await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } })).status).toBe("ACTIVE");
  });

  it("the PUK unblocks the card; a wrong PUK does not", async () => {
    const card = await issueCard(db.prisma, professionalId, { pin: "1234", puk: "87654321" });
    for (const pin of ["0000", "0001", "0002"]) await requestCardChallenge(db.prisma, cardPinInput(card.file, pin)).catch(() => undefined);
    await expectRefusal(unblockCard(db.prisma, { serial: card.serial, puk: "11111111" }), "WRONG_PUK");
    await expectRefusal(unblockCard(db.prisma, { serial: card.serial, puk: "123" }), "INVALID_PUK_FORMAT");
    expect((await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } })).status).toBe("BLOCKED");
    await unblockCard(db.prisma, { serial: card.serial, puk: "87654321" });
    expect(await db.prisma.cpsCard.findUniqueOrThrow({ where: { serial: card.serial } })).toMatchObject({ status: "ACTIVE", pinTries: 0 });
    await expect(signIn(card)).resolves.toMatchObject({ professionalId });
  });
});

describe("checkCardCertificate", () => {
  it("checks the validity window against the given date", async () => {
    const authorities = await getOrCreateAuthorities(db.prisma);
    const leaf = await leafSignedBy(
      authorities.issuing.certificatePem,
      authorities.issuing.privateKeyPem,
      new Date("2030-01-01T00:00:00Z"),
      new Date("2031-01-01T00:00:00Z"),
    );
    expect(checkCardCertificate(leaf.certificatePem, authorities, new Date("2029-12-31T00:00:00Z"))).toMatchObject({ ok: false, refusal: "NOT_YET_VALID" });
    expect(checkCardCertificate(leaf.certificatePem, authorities, new Date("2030-06-01T00:00:00Z")).ok).toBe(true);
    expect(checkCardCertificate(leaf.certificatePem, authorities, new Date("2031-01-02T00:00:00Z"))).toMatchObject({ ok: false, refusal: "EXPIRED" });
    expect(checkCardCertificate("pas un certificat", authorities, new Date())).toMatchObject({ ok: false, refusal: "FOREIGN_CA" });
  });
});
