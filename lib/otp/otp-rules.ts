import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** A one-time code is valid 5 minutes. */
export const OTP_TTL_MS = 5 * 60 * 1000;
/** 5 wrong codes (or 5 wrong passwords) lock sign-in... */
export const MAX_FAILURES = 5;
/** ...for 15 minutes. */
export const LOCK_DURATION_MS = 15 * 60 * 1000;

/** A random 6-digit code, leading zeros kept. */
export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** Stored as "salt$sha256(salt:code)": the code itself is never stored. */
export function hashCode(code: string, salt: string = randomBytes(16).toString("hex")): string {
  return `${salt}$${createHash("sha256").update(`${salt}:${code}`).digest("hex")}`;
}

export function codeMatches(stored: string, code: string): boolean {
  const [salt, digest] = stored.split("$");
  if (!salt || !digest || !/^\d{6}$/.test(code)) return false;
  const expected = Buffer.from(digest, "hex");
  const actual = Buffer.from(hashCode(code, salt).split("$")[1] as string, "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export type TChallengeState = {
  expiresAt: Date;
  consumedAt: Date | null;
  voidedAt: Date | null;
  attempts: number;
};

/** Whether a challenge can still be answered: not used, not replaced, not expired, not exhausted. */
export function challengeStatus(c: TChallengeState, now: Date): "USABLE" | "CONSUMED" | "VOIDED" | "EXPIRED" | "EXHAUSTED" {
  if (c.consumedAt) return "CONSUMED";
  if (c.voidedAt) return "VOIDED";
  if (c.attempts >= MAX_FAILURES) return "EXHAUSTED";
  if (c.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "USABLE";
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** After one more failure: the new count, and the lock end when the count reaches the limit. */
export function afterFailure(failedCount: number, now: Date): { failedCount: number; lockedUntil: Date | null } {
  const next = failedCount + 1;
  if (next >= MAX_FAILURES) return { failedCount: 0, lockedUntil: new Date(now.getTime() + LOCK_DURATION_MS) };
  return { failedCount: next, lockedUntil: null };
}

const TIME = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

/** The French lock-out message, with the time sign-in reopens (Paris time). */
export function lockedMessage(lockedUntil: Date): string {
  return (
    `Connexion bloquée après ${MAX_FAILURES} tentatives infructueuses. ` +
    `Vous pourrez réessayer à partir de ${TIME.format(lockedUntil).replace(":", " h ")} (heure de Paris).`
  );
}

/** "d…e@exemple.fr" / "06 •• •• •• 78": enough to recognise one's own contact. */
export function maskDestination(destination: string): string {
  if (destination.includes("@")) {
    const [local = "", domain = ""] = destination.split("@");
    return `${local.slice(0, 1)}…${local.length > 1 ? local.slice(-1) : ""}@${domain}`;
  }
  const digits = destination.replace(/^\+33/, "0");
  return `${digits.slice(0, 2)} •• •• •• ${digits.slice(-2)}`;
}
