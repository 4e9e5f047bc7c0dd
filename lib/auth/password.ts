import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Patient passwords, hashed with scrypt (Node's crypto, no native addon), stored as
 * "scrypt$N$r$p$saltB64$hashB64" so the cost can be raised later without breaking
 * existing hashes: verification reads the parameters from the stored value.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
// Refuse absurd parameters from a tampered row rather than burning CPU or memory on them.
const MAX_N = 1 << 20;

function scryptAsync(plain: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize("NFC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function maxmem(n: number, r: number, p: number): number {
  return 128 * n * r * p + 32 * 1024 * 1024;
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(plain, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: maxmem(N, R, P) });
  return ["scrypt", N, R, P, salt.toString("base64"), hash.toString("base64")].join("$");
}

/** True when the password matches the stored hash; false for any malformed hash. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parts = typeof stored === "string" ? stored.split("$") : [];
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const valid = (x: number) => Number.isInteger(x) && x > 0;
  if (!valid(n) || !valid(r) || !valid(p) || n > MAX_N || (n & (n - 1)) !== 0 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4] as string, "base64");
  const expected = Buffer.from(parts[5] as string, "base64");
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await scryptAsync(plain, salt, expected.length, { N: n, r, p, maxmem: maxmem(n, r, p) });
  return timingSafeEqual(actual, expected);
}

export const PASSWORD_MIN_LENGTH = 12;

/** What a new password lacks, in French; an empty list means it is acceptable. */
export function passwordPolicyErrors(plain: string): string[] {
  const errors: string[] = [];
  if ([...plain].length < PASSWORD_MIN_LENGTH) errors.push(`Au moins ${PASSWORD_MIN_LENGTH} caractères.`);
  if (!/\p{Lu}/u.test(plain)) errors.push("Au moins une lettre majuscule.");
  if (!/\p{Ll}/u.test(plain)) errors.push("Au moins une lettre minuscule.");
  if (!/\p{Nd}/u.test(plain)) errors.push("Au moins un chiffre.");
  if (!/[^\p{L}\p{Nd}\s]/u.test(plain)) errors.push("Au moins un caractère spécial (par exemple ! ? @ # - _).");
  return errors;
}
