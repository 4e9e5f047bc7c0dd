import { createHmac, randomBytes } from "node:crypto";

/** A new per-card secret (the card's secure element), kept in CpsCard.keySecret only. */
export function newCardSecret(): string {
  return randomBytes(32).toString("base64");
}

/**
 * The AES-256 key a card file's private key is wrapped under (base64): HMAC-SHA256 keyed by
 * the card's secret over the card, generation, file salt and PIN. Without the secret no PIN
 * guess can be checked against a file; the platform computes it only after verifying and
 * counting the PIN (or, at issue and PIN change, for the PIN it has just set).
 */
export function deriveWrapKey(input: { secret: string; serial: string; generation: number; salt: string; pin: string }): string {
  if (!input.secret) throw new Error("card without a key secret");
  return createHmac("sha256", Buffer.from(input.secret, "base64"))
    .update(`dmp-sim-cps/2|${input.serial}|${input.generation}|${input.salt}|${input.pin}`)
    .digest("base64");
}
