import { decode, encode } from "next-auth/jwt";
import { sessionSecret } from "@/lib/auth/session-secret";
import { platformNowMs } from "@/lib/clock/clock";

/** The patient portal's own cookie (the professional portal uses "dmp-pro.session-token"). */
export const PATIENT_SESSION_COOKIE = "dmp-patient.session-token";
/** A session expires after 30 minutes without activity (each activity renews the token). */
export const PATIENT_SESSION_MAX_AGE = 30 * 60;
/** Whatever the activity, a session ends 12 hours after sign-in (a copied cookie does not live on). */
export const PATIENT_SESSION_ABSOLUTE_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export type TPatientToken = {
  /** Account id. */
  sub: string;
  portal: "patient";
  name: string;
  /** The record the person acts on: their own, or a minor's they represent. */
  actingFor: string | null;
  /** The account's sessionVersion at sign-in: raising it ends the session (see session-account.ts). */
  sv: number;
  /** Sign-in time (ms since epoch), kept across renewals, for the absolute lifetime. */
  authAt: number;
  /**
   * When the token was last written (ms, sandbox clock): the 30 minutes of inactivity are
   * counted from it on the platform's clock, as the JWT's own exp is on real time.
   */
  seenAt?: number;
};

export async function encodePatientToken(token: TPatientToken): Promise<string> {
  return encode({ token: { ...token, seenAt: platformNowMs() }, secret: sessionSecret(), maxAge: PATIENT_SESSION_MAX_AGE });
}

/** The patient claims of a decoded JWT, or null when it is not a well-formed patient token. */
export function patientTokenFromClaims(token: Record<string, unknown> | null): TPatientToken | null {
  if (!token || token.portal !== "patient" || typeof token.sub !== "string") return null;
  if (typeof token.sv !== "number" || typeof token.authAt !== "number") return null;
  return {
    sub: token.sub,
    portal: "patient",
    name: typeof token.name === "string" ? token.name : "",
    actingFor: typeof token.actingFor === "string" ? token.actingFor : null,
    sv: token.sv,
    authAt: token.authAt,
    ...(typeof token.seenAt === "number" ? { seenAt: token.seenAt } : {}),
  };
}

/** The token if it is ours, well formed and not expired; null otherwise. */
export async function decodePatientToken(raw: string | undefined): Promise<TPatientToken | null> {
  if (!raw) return null;
  try {
    return patientTokenFromClaims(await decode({ token: raw, secret: sessionSecret() }));
  } catch {
    return null;
  }
}
