import { decode, encode } from "next-auth/jwt";
import { sessionSecret } from "@/lib/auth/session-secret";

/** The patient portal's own cookie (the professional portal uses "dmp-pro.session-token"). */
export const PATIENT_SESSION_COOKIE = "dmp-patient.session-token";
/** A session expires after 30 minutes without activity (each activity renews the token). */
export const PATIENT_SESSION_MAX_AGE = 30 * 60;

export type TPatientToken = {
  /** Account id. */
  sub: string;
  portal: "patient";
  name: string;
  /** The record the person acts on: their own, or a minor's they represent. */
  actingFor: string | null;
};

export async function encodePatientToken(token: TPatientToken): Promise<string> {
  return encode({ token: { ...token }, secret: sessionSecret(), maxAge: PATIENT_SESSION_MAX_AGE });
}

/** The token if it is ours, well formed and not expired; null otherwise. */
export async function decodePatientToken(raw: string | undefined): Promise<TPatientToken | null> {
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: sessionSecret() });
    if (!token || token.portal !== "patient" || typeof token.sub !== "string") return null;
    return {
      sub: token.sub,
      portal: "patient",
      name: typeof token.name === "string" ? token.name : "",
      actingFor: typeof token.actingFor === "string" ? token.actingFor : null,
    };
  } catch {
    return null;
  }
}
