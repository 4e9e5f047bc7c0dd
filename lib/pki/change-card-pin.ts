import { X509Certificate } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { appendTrace } from "@/lib/traces/append-trace";
import { KEY_SALT_PATTERN, PIN_PATTERN } from "./card-file";
import { deriveWrapKey, newCardSecret } from "./card-key-wrap";
import { CardError } from "./card-errors";
import { consumeCardChallenge, type TRequestInfo } from "./card-sign-in";
import { isValidNonceSignature } from "./verify-certificate";
import { platformNow } from "@/lib/clock/clock";
import { ofName } from "@/lib/text/french";

export type TChangeCardPinInput = {
  serial: string;
  /** The nonce the platform issued after checking (and counting) the current PIN (requestCardChallenge). */
  nonce: string;
  /** That nonce signed by the card's key, opened with the current PIN: proof the key was opened. */
  signature: string;
  newPin: string;
  /** The salt of the new card file (newKeySalt), which the new wrapping key is bound to. */
  newSalt: string;
};

/** What the browser needs to write the new card file: its generation and the key to wrap the card's key under. */
export type TChangedCardPin = { generation: number; wrapKey: string };

/**
 * Changes a card's PIN (code porteur), as a card reader does. The current PIN was checked
 * and counted by requestCardChallenge; here the nonce it issued must come back signed by the
 * card's key (a serial and a PIN alone change nothing). Then, in one transaction: the new
 * PIN's hash, a new card secret and the next generation (every older card file and API
 * token is retired), the card's open web sessions ended, its open nonces retired, the change traced on the platform
 * chain (patientId null). Returns the key the browser wraps the card's key under for the
 * new file.
 */
export async function changeCardPin(db: PrismaClient, input: TChangeCardPinInput, request: TRequestInfo = {}): Promise<TChangedCardPin> {
  const now = request.now ?? platformNow();
  const ipAddress = request.ipAddress ?? null;
  const serial = String(input.serial ?? "").toUpperCase();
  const newPin = String(input.newPin ?? "");
  if (!PIN_PATTERN.test(newPin)) throw new CardError("INVALID_NEW_PIN_FORMAT");
  if (!KEY_SALT_PATTERN.test(String(input.newSalt ?? ""))) throw new CardError("INVALID_CARD_FILE");
  if (!(await consumeCardChallenge(db, serial, input.nonce, now))) throw new CardError("CHALLENGE_INVALID");

  const card = await db.cpsCard.findUnique({ where: { serial } });
  if (!card) throw new CardError("UNKNOWN_CARD");
  if (card.status === "OPPOSED") throw new CardError("OPPOSED");
  if (card.status === "BLOCKED") throw new CardError("BLOCKED");
  if (card.expiresAt < now) throw new CardError("EXPIRED");
  if (!isValidNonceSignature(new X509Certificate(card.certificatePem), input.nonce, String(input.signature ?? ""))) {
    throw new CardError("BAD_SIGNATURE");
  }
  // Only now (PIN counted, key proven): comparing with the current PIN is no free guess.
  if (await verifyPassword(newPin, card.pinHash)) throw new CardError("SAME_PIN");

  const pinHash = await hashPassword(newPin);
  const keySecret = newCardSecret();
  const generation = card.keyGeneration + 1;
  await db.$transaction(async (tx) => {
    const { professional } = await tx.cpsCard.update({
      where: { id: card.id },
      // sessionVersion + 1 ends the card's open web sessions (lib/auth/pro/professional-session.ts).
      data: { pinHash, pinTries: 0, keySecret, keyGeneration: generation, sessionVersion: { increment: 1 } },
      include: { professional: { include: { structure: { select: { name: true } } } } },
    });
    await tx.cardChallenge.updateMany({ where: { cardSerial: serial, usedAt: null }, data: { usedAt: now } });
    await appendTrace(tx, {
      patientId: null,
      actorKind: "PROFESSIONAL",
      actorId: professional.id,
      actorName: [professional.title, professional.firstName, professional.lastName].filter(Boolean).join(" "),
      actorProfession: [professional.profession, professional.specialty].filter(Boolean).join("/") || null,
      actorStructure: professional.structure?.name ?? null,
      action: "CARD_PIN_CHANGE",
      reason: "Porteur de la carte (code porteur actuel vérifié, clé de la carte prouvée)",
      detail: `Carte ${card.serial} ${ofName(`${professional.firstName} ${professional.lastName}`)} (${professional.idNat})`,
      ipAddress,
      at: now,
    });
  });
  return { generation, wrapKey: deriveWrapKey({ secret: keySecret, serial, generation, salt: input.newSalt, pin: newPin }) };
}
