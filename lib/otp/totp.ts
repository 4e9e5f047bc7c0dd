import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";

/**
 * Time-based one-time passwords (RFC 6238) from an authenticator application, with otplib's
 * defaults every app reads (SHA-1, 6 digits, 30 s). The e-mail and SMS codes stay random
 * codes stored hashed (otp-rules.ts): an HOTP counter would mean keeping a secret per
 * challenge for nothing gained.
 */
export const TOTP_ISSUER = "Mon espace santé (simulateur)";
export const TOTP_PERIOD_S = 30;
/** One step either side: the phone's clock may be a little off. */
const TOLERANCE_S = TOTP_PERIOD_S;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator reads (from the QR code, or typed by hand). */
export function totpUri(secret: string, loginId: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: loginId, secret });
}

/** "ABCD EFGH …": the secret in groups of four, to type it by hand. */
export function secretInGroups(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export const TOTP_CODE = /^\d{6}$/;

/**
 * Checks an app code. `afterStep` is the last step accepted for the account: a code is
 * accepted once. `epoch` (seconds) defaults to real time: the phone reads the real clock,
 * not the sandbox's.
 */
export async function checkTotpCode(
  secret: string,
  code: string,
  afterStep: number | null,
  epoch?: number,
): Promise<{ valid: true; step: number } | { valid: false }> {
  if (!TOTP_CODE.test(code)) return { valid: false };
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_S,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    ...(epoch !== undefined ? { epoch } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && "timeStep" in result ? { valid: true, step: result.timeStep } : { valid: false };
}

// Recovery codes: 8 characters of an alphabet without look-alikes (0/O, 1/I/L), shown "ABCD-EFGH".
const RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE = /^[A-Z2-9]{4}-?[A-Z2-9]{4}$/;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 8 }, () => RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** The form a recovery code is compared in: upper case, no dash nor spaces. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

export function isRecoveryCodeShape(code: string): boolean {
  return RECOVERY_CODE.test(code.replace(/\s/g, "").toUpperCase());
}

/** Stored as "salt$sha256(salt:code)", like the one-time codes. */
export function hashRecoveryCode(code: string, salt: string = randomBytes(16).toString("hex")): string {
  return `${salt}$${createHash("sha256").update(`${salt}:${normalizeRecoveryCode(code)}`).digest("hex")}`;
}

export function recoveryCodeMatches(stored: string, code: string): boolean {
  const [salt, digest] = stored.split("$");
  if (!salt || !digest) return false;
  const expected = Buffer.from(digest, "hex");
  const actual = Buffer.from(hashRecoveryCode(code, salt).split("$")[1] as string, "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
