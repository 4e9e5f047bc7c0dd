import { randomBytes } from "node:crypto";
import type { CpsCard, PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { getOrCreateAuthorities } from "./authorities";
import { PIN_PATTERN } from "./card-file";
import { CardError } from "./card-errors";
import { checkCardCertificate, isSameCertificate, isValidNonceSignature } from "./verify-certificate";

/** 3 consecutive wrong PINs block the card (docs/DESIGN.md, Reference data). */
export const MAX_PIN_TRIES = 3;
export const CHALLENGE_TTL_MS = 2 * 60 * 1000;

export type TRequestInfo = { ipAddress?: string | null; now?: Date };

const SERIAL_PATTERN = /^[0-9A-F]{16,40}$/;

function wrongPinMessage(remaining: number): string {
  return remaining === 1
    ? "Code porteur incorrect. Il reste 1 essai avant le blocage de la carte."
    : `Code porteur incorrect. Il reste ${remaining} essais avant le blocage de la carte.`;
}

/**
 * The card reader's PIN check, shared by the sign-in and the PIN change: refuses an unknown,
 * opposed, blocked or expired card, then counts a wrong PIN (3 consecutive → BLOCKED) and
 * throws the French refusal. On the right PIN it returns the card and writes nothing: the
 * caller resets the counter (pinTries: 0) and logs the success with its own writes.
 */
export async function checkCardPin(
  db: PrismaClient,
  input: { serial: string; pin: string },
  request: TRequestInfo = {},
): Promise<CpsCard> {
  const now = request.now ?? new Date();
  const serial = String(input.serial ?? "").toUpperCase();
  const ipAddress = request.ipAddress ?? null;
  if (!SERIAL_PATTERN.test(serial)) throw new CardError("INVALID_CARD_FILE");
  if (!PIN_PATTERN.test(String(input.pin ?? ""))) throw new CardError("INVALID_PIN_FORMAT");
  const card = await db.cpsCard.findUnique({ where: { serial } });
  if (!card) {
    await db.loginAttempt.create({ data: { subject: serial, kind: "PIN", success: false, ipAddress, at: now } });
    throw new CardError("UNKNOWN_CARD");
  }
  if (card.status === "OPPOSED") throw new CardError("OPPOSED");
  if (card.status === "BLOCKED") throw new CardError("BLOCKED");
  if (card.expiresAt < now) throw new CardError("EXPIRED");

  const isPinValid = await verifyPassword(input.pin, card.pinHash);
  if (!isPinValid) {
    const tries = await db.$transaction(async (tx) => {
      const updated = await tx.cpsCard.update({ where: { id: card.id }, data: { pinTries: { increment: 1 } } });
      if (updated.pinTries >= MAX_PIN_TRIES) await tx.cpsCard.update({ where: { id: card.id }, data: { status: "BLOCKED" } });
      await tx.loginAttempt.create({ data: { subject: serial, kind: "PIN", success: false, ipAddress, at: now } });
      return updated.pinTries;
    });
    if (tries >= MAX_PIN_TRIES) {
      throw new CardError("BLOCKED", "Code porteur incorrect : 3 erreurs consécutives, la carte est bloquée. Saisissez le code de déblocage.");
    }
    throw new CardError("WRONG_PIN", wrongPinMessage(MAX_PIN_TRIES - tries));
  }
  return card;
}

/**
 * First step of a card sign-in: the card reader checks the PIN. The server counts wrong
 * PINs (3 consecutive → BLOCKED) and only then issues a single-use nonce valid 2 minutes.
 */
export async function requestCardChallenge(
  db: PrismaClient,
  input: { serial: string; pin: string },
  request: TRequestInfo = {},
): Promise<{ nonce: string; expiresAt: Date }> {
  const now = request.now ?? new Date();
  const card = await checkCardPin(db, input, { ...request, now });
  const serial = card.serial;
  const nonce = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await db.$transaction([
    db.cpsCard.update({ where: { id: card.id }, data: { pinTries: 0 } }),
    db.loginAttempt.create({ data: { subject: serial, kind: "PIN", success: true, ipAddress: request.ipAddress ?? null, at: now } }),
    db.cardChallenge.create({ data: { nonce, cardSerial: serial, expiresAt, createdAt: now } }),
  ]);
  return { nonce, expiresAt };
}

export type TCardSignInInput = { serial: string; certificatePem: string; nonce: string; signature: string };

export type TSignedInProfessional = {
  professionalId: string;
  cardSerial: string;
  name: string;
  profession: string | null;
  specialty: string | null;
  isSamuRegulator: boolean;
  isOperator: boolean;
  structureName: string | null;
};

/**
 * Second step: the browser signed the nonce with the key the PIN opened. Checks, in order:
 * the challenge (known, for this card, unused, not expired; consumed whatever follows),
 * the chain to the test CA, the validity dates, that the certificate is the card's, the
 * card status, and the signature. Throws a CardError naming the refusal.
 */
export async function verifyCardSignIn(
  db: PrismaClient,
  input: TCardSignInInput,
  request: TRequestInfo = {},
): Promise<TSignedInProfessional> {
  const now = request.now ?? new Date();
  const serial = String(input.serial ?? "").toUpperCase();
  if (!SERIAL_PATTERN.test(serial) || typeof input.nonce !== "string" || input.nonce.length > 100) {
    throw new CardError("CHALLENGE_INVALID");
  }
  // Consume the nonce atomically: a second use (or a race) finds usedAt set.
  const consumed = await db.cardChallenge.updateMany({
    where: { nonce: input.nonce, cardSerial: serial, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (consumed.count !== 1) throw new CardError("CHALLENGE_INVALID");

  const card = await db.cpsCard.findUnique({
    where: { serial },
    include: { professional: { include: { structure: { select: { name: true } } } } },
  });
  if (!card) throw new CardError("UNKNOWN_CARD");
  const authorities = await getOrCreateAuthorities(db, now);
  const check = checkCardCertificate(String(input.certificatePem ?? ""), authorities, now);
  if (!check.ok) throw new CardError(check.refusal);
  if (!isSameCertificate(check.certificate, card.certificatePem)) throw new CardError("CERTIFICATE_MISMATCH");
  if (card.status === "OPPOSED") throw new CardError("OPPOSED");
  if (card.status === "BLOCKED") throw new CardError("BLOCKED");
  if (card.expiresAt < now) throw new CardError("EXPIRED");
  if (!isValidNonceSignature(check.certificate, input.nonce, String(input.signature ?? ""))) {
    throw new CardError("BAD_SIGNATURE");
  }
  const p = card.professional;
  return {
    professionalId: p.id,
    cardSerial: serial,
    name: [p.title, p.firstName, p.lastName].filter(Boolean).join(" "),
    profession: p.profession,
    specialty: p.specialty,
    isSamuRegulator: p.isSamuRegulator,
    isOperator: p.isOperator,
    structureName: p.structure?.name ?? null,
  };
}
