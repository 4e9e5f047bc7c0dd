import { randomBytes } from "node:crypto";
import type { CpsCard, PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { getOrCreateAuthorities } from "./authorities";
import { KEY_SALT_PATTERN, PIN_PATTERN } from "./card-file";
import { deriveWrapKey } from "./card-key-wrap";
import { CardError } from "./card-errors";
import { cardHolder } from "./card-holder";
import { checkCardCertificate, isSameCertificate, isValidNonceSignature } from "./verify-certificate";
import { platformNow } from "@/lib/clock/clock";
import { enterNamespace, openNamespaceScope } from "@/lib/clock/namespace-scope";

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

/** Which card file is presented: its generation (retired after a PIN change) and its key salt. */
export type TCardFileBinding = { generation: number; salt: string };

export type TPinCheckInput = { serial: string; pin: string } & TCardFileBinding;

/** Re-reads a card whose attempt slot could not be taken or kept: opposed, or else blocked. */
async function refusalAfterRace(db: PrismaClient, cardId: string): Promise<CardError> {
  const card = await db.cpsCard.findUnique({ where: { id: cardId }, select: { status: true } });
  return new CardError(card?.status === "OPPOSED" ? "OPPOSED" : "BLOCKED");
}

/**
 * The card reader's PIN check: refuses an unknown, opposed, blocked or expired card and a
 * retired card file (older generation), then counts the attempt BEFORE the verdict: one SQL
 * statement takes a slot (pinTries + 1, only while ACTIVE and below 3), so N parallel
 * guesses cost N tries and at most 3 get a verdict. A wrong PIN that leaves the counter at 3
 * blocks the card; the right PIN gives back its slot and those taken before it (consecutive
 * errors only), never the slots of attempts still in flight.
 */
export async function checkCardPin(db: PrismaClient, input: TPinCheckInput, request: TRequestInfo = {}): Promise<CpsCard> {
  openNamespaceScope();
  await enterCardNamespace(db, input.serial);
  const now = request.now ?? platformNow();
  const serial = String(input.serial ?? "").toUpperCase();
  const ipAddress = request.ipAddress ?? null;
  if (!SERIAL_PATTERN.test(serial) || !Number.isInteger(input.generation) || !KEY_SALT_PATTERN.test(String(input.salt ?? ""))) {
    throw new CardError("INVALID_CARD_FILE");
  }
  if (!PIN_PATTERN.test(String(input.pin ?? ""))) throw new CardError("INVALID_PIN_FORMAT");
  const card = await db.cpsCard.findUnique({ where: { serial } });
  if (!card) {
    await db.loginAttempt.create({ data: { subject: serial, kind: "PIN", success: false, ipAddress, at: now } });
    throw new CardError("UNKNOWN_CARD");
  }
  if (card.status === "OPPOSED") throw new CardError("OPPOSED");
  if (card.status === "BLOCKED") throw new CardError("BLOCKED");
  if (card.expiresAt < now) throw new CardError("EXPIRED");
  if (!card.keySecret || input.generation !== card.keyGeneration) throw new CardError("RETIRED_FILE");

  const [taken] = await db.$queryRaw<{ pinTries: number }[]>`
    UPDATE CpsCard SET pinTries = pinTries + 1
    WHERE id = ${card.id} AND status = 'ACTIVE' AND pinTries < ${MAX_PIN_TRIES}
    RETURNING pinTries`;
  if (!taken) throw await refusalAfterRace(db, card.id);
  const slot = Number(taken.pinTries);

  if (!(await verifyPassword(input.pin, card.pinHash))) {
    const [after] = await db.$queryRaw<{ pinTries: number; status: string }[]>`
      UPDATE CpsCard SET status = CASE WHEN status = 'ACTIVE' AND pinTries >= ${MAX_PIN_TRIES} THEN 'BLOCKED' ELSE status END
      WHERE id = ${card.id}
      RETURNING pinTries, status`;
    await db.loginAttempt.create({ data: { subject: serial, kind: "PIN", success: false, ipAddress, at: now } });
    if (after?.status === "OPPOSED") throw new CardError("OPPOSED");
    const tries = Number(after?.pinTries ?? MAX_PIN_TRIES);
    if (after?.status === "BLOCKED" || tries >= MAX_PIN_TRIES) {
      throw new CardError("BLOCKED", "Code porteur incorrect : 3 erreurs consécutives, la carte est bloquée. Saisissez le code de déblocage.");
    }
    throw new CardError("WRONG_PIN", wrongPinMessage(MAX_PIN_TRIES - tries));
  }
  const [kept] = await db.$queryRaw<{ id: string }[]>`
    UPDATE CpsCard SET pinTries = CASE WHEN pinTries > ${slot} THEN pinTries - ${slot} ELSE 0 END
    WHERE id = ${card.id} AND status = 'ACTIVE'
    RETURNING id`;
  if (!kept) throw await refusalAfterRace(db, card.id);
  return card;
}

/**
 * First step of a card sign-in, a PIN change or an API token request: the card reader
 * checks the PIN (counted, checkCardPin). Only then the platform issues a single-use nonce
 * valid 2 minutes (the PIN-verification ticket: signed for the web sign-in, carried in the
 * client assertion for the API) and the key that unwraps this card file's private key.
 */
export async function requestCardChallenge(
  db: PrismaClient,
  input: TPinCheckInput,
  request: TRequestInfo = {},
): Promise<{ nonce: string; expiresAt: Date; unwrapKey: string }> {
  // checkCardPin opens the card's namespace scope before its first await: it is ours too.
  const card = await checkCardPin(db, input, request);
  const now = request.now ?? platformNow();
  const serial = card.serial;
  const nonce = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await db.$transaction([
    db.loginAttempt.create({ data: { subject: serial, kind: "PIN", success: true, ipAddress: request.ipAddress ?? null, at: now } }),
    db.cardChallenge.create({ data: { nonce, cardSerial: serial, expiresAt, createdAt: now } }),
  ]);
  const unwrapKey = deriveWrapKey({ secret: card.keySecret, serial, generation: card.keyGeneration, salt: input.salt, pin: input.pin });
  return { nonce, expiresAt, unwrapKey };
}

/**
 * Consumes a PIN-verification nonce atomically (known, for this card, unused, not expired):
 * a second use, or a race, finds usedAt set. A PIN change retires the card's open nonces.
 */
export async function consumeCardChallenge(db: PrismaClient, serial: string, nonce: unknown, now: Date): Promise<boolean> {
  if (typeof nonce !== "string" || nonce.length > 100) return false;
  const consumed = await db.cardChallenge.updateMany({
    where: { nonce, cardSerial: serial, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return consumed.count === 1;
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
  openNamespaceScope();
  await enterCardNamespace(db, input.serial);
  const now = request.now ?? platformNow();
  const serial = String(input.serial ?? "").toUpperCase();
  if (!SERIAL_PATTERN.test(serial) || !(await consumeCardChallenge(db, serial, input.nonce, now))) throw new CardError("CHALLENGE_INVALID");

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
  return { ...cardHolder(p), cardSerial: serial };
}

/** The card holder's sandbox namespace decides the clock of the sign-in (and the session's start). */
async function enterCardNamespace(db: PrismaClient, serial: unknown): Promise<void> {
  const text = String(serial ?? "").toUpperCase();
  if (!SERIAL_PATTERN.test(text)) return;
  const card = await db.cpsCard.findUnique({ where: { serial: text }, select: { professional: { select: { namespaceId: true } } } });
  enterNamespace(card?.professional.namespaceId ?? null);
}
