import { z } from "zod";

/**
 * A simulated CPS card as a file (extension .cps.json). The private key is a PKCS#8
 * ECDSA P-256 key encrypted with AES-256-GCM under a key derived from the 4-digit PIN
 * (PBKDF2-SHA256). This module has no Node import: the browser parses and decrypts the
 * card with the same code.
 */
export const CARD_FILE_FORMAT = "dmp-sim-cps/1";
export const CARD_FILE_EXTENSION = ".cps.json";

export const ZCardFile = z.object({
  format: z.literal(CARD_FILE_FORMAT),
  serial: z.string().regex(/^[0-9A-F]{16,40}$/),
  holder: z.object({ idNat: z.string().max(20), name: z.string().max(200) }).optional(),
  certificatePem: z.string().min(100).max(10_000),
  chainPem: z.string().max(20_000),
  encryptedKey: z.object({
    cipher: z.literal("AES-256-GCM"),
    kdf: z.literal("PBKDF2-SHA256"),
    iterations: z.number().int().min(1_000).max(2_000_000),
    salt: z.string().min(8).max(200),
    iv: z.string().min(8).max(200),
    data: z.string().min(16).max(10_000),
  }),
});

export type TCardFile = z.infer<typeof ZCardFile>;
export type TEncryptedKey = TCardFile["encryptedKey"];

export const PIN_PATTERN = /^\d{4}$/;
export const PUK_PATTERN = /^\d{8}$/;
export const DEFAULT_PBKDF2_ITERATIONS = 100_000;

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

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const s = cryptoSubtle();
  const material = await s.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveKey"]);
  return s.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, { name: "AES-GCM", length: 256 }, false, [usage]);
}

export async function encryptPrivateKey(
  pkcs8: Uint8Array<ArrayBuffer>,
  pin: string,
  iterations: number = DEFAULT_PBKDF2_ITERATIONS,
): Promise<TEncryptedKey> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(16)));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const key = await pinKey(pin, salt, iterations, "encrypt");
  const data = new Uint8Array(await cryptoSubtle().encrypt({ name: "AES-GCM", iv }, key, pkcs8));
  return { cipher: "AES-256-GCM", kdf: "PBKDF2-SHA256", iterations, salt: bytesToBase64(salt), iv: bytesToBase64(iv), data: bytesToBase64(data) };
}

/** The PKCS#8 bytes of the card's key, or null when the PIN does not open it (AES-GCM tag mismatch). */
async function decryptPrivateKey(encrypted: TEncryptedKey, pin: string): Promise<ArrayBuffer | null> {
  const key = await pinKey(pin, base64ToBytes(encrypted.salt), encrypted.iterations, "decrypt");
  try {
    return await cryptoSubtle().decrypt({ name: "AES-GCM", iv: base64ToBytes(encrypted.iv) }, key, base64ToBytes(encrypted.data));
  } catch {
    return null;
  }
}

/** The card's signing key, or null when the PIN does not open it (AES-GCM tag mismatch). */
export async function decryptSigningKey(encrypted: TEncryptedKey, pin: string): Promise<CryptoKey | null> {
  const pkcs8 = await decryptPrivateKey(encrypted, pin);
  if (!pkcs8) return null;
  return cryptoSubtle().importKey("pkcs8", pkcs8, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
}

/**
 * The card's key protected by a new PIN (fresh salt and IV, same iterations), or null when
 * the current PIN does not open it. Runs in the browser: the clear key stays in memory here.
 */
export async function reencryptPrivateKey(encrypted: TEncryptedKey, currentPin: string, newPin: string): Promise<TEncryptedKey | null> {
  const pkcs8 = await decryptPrivateKey(encrypted, currentPin);
  if (!pkcs8) return null;
  const bytes = new Uint8Array(pkcs8);
  try {
    return await encryptPrivateKey(bytes, newPin, encrypted.iterations);
  } finally {
    bytes.fill(0);
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
