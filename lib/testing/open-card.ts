import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openSigningKey, type TCardFile } from "@/lib/pki/card-file";
import { deriveWrapKey } from "@/lib/pki/card-key-wrap";
import { requestCardChallenge, type TPinCheckInput, type TRequestInfo } from "@/lib/pki/card-sign-in";

/** What the card reader sends for a PIN check of this card file. */
export function cardPinInput(file: TCardFile, pin: string): TPinCheckInput {
  return { serial: file.serial, pin, generation: file.encryptedKey.generation, salt: file.encryptedKey.salt };
}

/**
 * What a card holder does before any use of the card: the platform checks (and counts) the
 * PIN and returns a nonce (the PIN-verification ticket) and the key that unwraps the file's
 * private key. Throws the platform's refusal, or when the file's key does not open.
 */
export async function openCard(db: PrismaClient, file: TCardFile, pin: string, request: TRequestInfo = {}): Promise<{ nonce: string; key: CryptoKey }> {
  const { nonce, unwrapKey } = await requestCardChallenge(db, cardPinInput(file, pin), request);
  const key = await openSigningKey(file.encryptedKey, unwrapKey);
  if (!key) throw new Error("la clé du fichier de carte ne s'ouvre pas");
  return { nonce, key };
}

/** The file's key opened with the card secret straight from the database, no PIN check: for tests of the checks that come after it. */
export async function openCardBypassingPin(db: PrismaClient, file: TCardFile, pin: string): Promise<CryptoKey> {
  const card = await db.cpsCard.findUniqueOrThrow({ where: { serial: file.serial } });
  const wrapKey = deriveWrapKey({ secret: card.keySecret, serial: file.serial, generation: file.encryptedKey.generation, salt: file.encryptedKey.salt, pin });
  const key = await openSigningKey(file.encryptedKey, wrapKey);
  if (!key) throw new Error("la clé du fichier de carte ne s'ouvre pas");
  return key;
}
