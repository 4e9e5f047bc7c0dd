import { randomBytes, randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";
import { getOrCreateAuthorities } from "./authorities";
import { CARD_FILE_FORMAT, newKeySalt, PIN_PATTERN, PUK_PATTERN, wrapPrivateKey, type TCardFile } from "./card-file";
import { deriveWrapKey, newCardSecret } from "./card-key-wrap";
import { cardSubject } from "./card-subject";
import { CardError } from "./card-errors";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, importSigningKey, subtle, x509 } from "./x509";
import { platformNow } from "@/lib/clock/clock";

/** Recent CPS cards are valid 6 years (docs/DESIGN.md, Reference data). */
export const CARD_VALIDITY_YEARS = 6;

export type TIssueCardOptions = {
  pin: string;
  /** 8 digits; a random one when omitted. */
  puk?: string;
  /** Issue date (tests issue cards in the past to get expired ones). */
  now?: Date;
};

export type TIssuedCard = { cardId: string; serial: string; puk: string; expiresAt: Date; file: TCardFile };

function addYears(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

export function randomPuk(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, "0");
}

/**
 * Issues a CPS card to a professional: a key pair, an X.509 certificate signed by the
 * issuing CA (subject described in card-subject.ts), valid 6 years, the PIN and PUK hashed
 * (scrypt) in CpsCard with the card's secret, and the card file whose private key only the
 * platform can unwrap, after a counted PIN check (card-key-wrap.ts).
 */
export async function issueCard(db: PrismaClient, professionalId: string, options: TIssueCardOptions): Promise<TIssuedCard> {
  if (!PIN_PATTERN.test(options.pin)) throw new CardError("INVALID_PIN_FORMAT");
  const puk = options.puk ?? randomPuk();
  if (!PUK_PATTERN.test(puk)) throw new CardError("INVALID_PUK_FORMAT");
  const now = options.now ?? platformNow();
  const professional = await db.professional.findUnique({
    where: { id: professionalId },
    include: { structure: { select: { name: true } } },
  });
  if (!professional) throw new AppError("NOT_FOUND", "Professionnel introuvable.");

  const authorities = await getOrCreateAuthorities(db, now);
  const issuingCert = new x509.X509Certificate(authorities.issuing.certificatePem);
  const issuingKey = await importSigningKey(authorities.issuing.privateKeyPem);
  const keys = (await subtle().generateKey(EC_KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  // Positive serial: the first hex digit below 8.
  const serial = `${randomInt(1, 8)}${randomBytes(9).toString("hex")}`.toUpperCase().slice(0, 16);
  const expiresAt = addYears(now, CARD_VALIDITY_YEARS);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: cardSubject({
      idNat: professional.idNat,
      firstName: professional.firstName,
      lastName: professional.lastName,
      profession: professional.profession,
      specialty: professional.specialty,
      structureName: professional.structure?.name ?? null,
    }),
    issuer: issuingCert.subject,
    publicKey: keys.publicKey,
    signingKey: issuingKey,
    notBefore: now,
    notAfter: expiresAt,
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuingCert),
    ],
  });
  const pkcs8 = new Uint8Array(await subtle().exportKey("pkcs8", keys.privateKey));
  const keySecret = newCardSecret();
  const binding = { generation: 1, salt: newKeySalt() };
  const encryptedKey = await wrapPrivateKey(pkcs8, deriveWrapKey({ secret: keySecret, serial, ...binding, pin: options.pin }), binding);
  pkcs8.fill(0);
  const certificatePem = certificate.toString("pem");
  const [pinHash, pukHash] = await Promise.all([hashPassword(options.pin), hashPassword(puk)]);
  const card = await db.cpsCard.create({
    data: { serial, professionalId, certificatePem, pinHash, pukHash, keySecret, keyGeneration: binding.generation, issuedAt: now, expiresAt },
  });
  const file: TCardFile = {
    format: CARD_FILE_FORMAT,
    serial,
    holder: { idNat: professional.idNat, name: `${professional.firstName} ${professional.lastName}` },
    certificatePem,
    chainPem: `${authorities.issuing.certificatePem.trim()}\n${authorities.root.certificatePem.trim()}\n`,
    encryptedKey,
  };
  return { cardId: card.id, serial, puk, expiresAt, file };
}
