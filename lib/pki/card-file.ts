import { z } from "zod";

export const KEY_SALT_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * A simulated CPS card as a file (extension .cps.json). The private key is a PKCS#8
 * ECDSA P-256 key encrypted with AES-256-GCM under a key the platform derives from the PIN
 * AND a per-card secret it alone holds (the card's secure element, lib/pki/card-key-wrap.ts):
 * the file alone lets no PIN guess be checked offline, and the platform hands the
 * unwrapping key only after it has verified and counted the PIN. A PIN change rotates the
 * secret and bumps `generation`, so every older file is retired. This module has no Node
 * import: the browser parses and opens the card with the same code.
 */
export const CARD_FILE_FORMAT = "dmp-sim-cps/2";
export const CARD_FILE_EXTENSION = ".cps.json";

export const ZCardFile = z.object({
  format: z.literal(CARD_FILE_FORMAT),
  serial: z.string().regex(/^[0-9A-F]{16,40}$/),
  holder: z.object({ idNat: z.string().max(20), name: z.string().max(200) }).optional(),
  certificatePem: z.string().min(100).max(10_000),
  chainPem: z.string().max(20_000),
  encryptedKey: z.object({
    cipher: z.literal("AES-256-GCM"),
    wrap: z.literal("HMAC-SHA256(card-secret, PIN)"),
    generation: z.number().int().min(1).max(1_000_000),
    salt: z.string().regex(KEY_SALT_PATTERN),
    iv: z.string().min(8).max(200),
    data: z.string().min(16).max(10_000),
  }),
});

export type TCardFile = z.infer<typeof ZCardFile>;
export type TEncryptedKey = TCardFile["encryptedKey"];

export const PIN_PATTERN = /^\d{4}$/;
export const PUK_PATTERN = /^\d{8}$/;

function cryptoSubtle(): SubtleCrypto {
  const c = globalThis.crypto;
  if (!c?.subtle) throw new Error("WebCrypto indisponible (contexte non sécurisé ?).");
  return c.subtle;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A fresh salt for a new card file (base64url, 16 random bytes): the platform binds the wrapping key to it. */
export function newKeySalt(): string {
  return bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(16))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function aesKey(wrapKeyB64: string, usage: KeyUsage): Promise<CryptoKey> {
  return cryptoSubtle().importKey("raw", base64ToBytes(wrapKeyB64), { name: "AES-GCM" }, false, [usage]);
}

/** The card's key encrypted under the wrapping key the platform derived for this generation and salt. */
export async function wrapPrivateKey(
  pkcs8: Uint8Array<ArrayBuffer>,
  wrapKeyB64: string,
  binding: { generation: number; salt: string },
): Promise<TEncryptedKey> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const data = new Uint8Array(await cryptoSubtle().encrypt({ name: "AES-GCM", iv }, await aesKey(wrapKeyB64, "encrypt"), pkcs8));
  return { cipher: "AES-256-GCM", wrap: "HMAC-SHA256(card-secret, PIN)", generation: binding.generation, salt: binding.salt, iv: bytesToBase64(iv), data: bytesToBase64(data) };
}

/** The PKCS#8 bytes of the card's key, or null when this wrapping key does not open it (AES-GCM tag mismatch). */
export async function unwrapPrivateKey(encrypted: TEncryptedKey, wrapKeyB64: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const key = await aesKey(wrapKeyB64, "decrypt");
    return new Uint8Array(await cryptoSubtle().decrypt({ name: "AES-GCM", iv: base64ToBytes(encrypted.iv) }, key, base64ToBytes(encrypted.data)));
  } catch {
    return null;
  }
}

/** Imports PKCS#8 bytes as the card's (non-extractable) signing key. */
export async function importCardSigningKey(pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return cryptoSubtle().importKey("pkcs8", pkcs8, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
}

/** The card's signing key, or null when this wrapping key does not open the file. */
export async function openSigningKey(encrypted: TEncryptedKey, wrapKeyB64: string): Promise<CryptoKey | null> {
  const pkcs8 = await unwrapPrivateKey(encrypted, wrapKeyB64);
  if (!pkcs8) return null;
  try {
    return await importCardSigningKey(pkcs8);
  } finally {
    pkcs8.fill(0);
  }
}

/** Signs the server's nonce (UTF-8) with ECDSA P-256 / SHA-256: raw IEEE P1363 signature, base64. */
export async function signNonce(key: CryptoKey, nonce: string): Promise<string> {
  const signature = await cryptoSubtle().sign({ name: "ECDSA", hash: "SHA-256" }, key, new TextEncoder().encode(nonce));
  return bytesToBase64(new Uint8Array(signature));
}

/** Parses a card file's text; null when it is not a card file. */
export function parseCardFile(text: string): TCardFile | null {
  try {
    const parsed = ZCardFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
