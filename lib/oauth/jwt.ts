import { createHmac, timingSafeEqual } from "node:crypto";

export function base64url(input: Buffer | Uint8Array | string): string {
  return Buffer.from(typeof input === "string" ? Buffer.from(input, "utf8") : input).toString("base64url");
}

export type TDecodedJws = { header: Record<string, unknown>; payload: Record<string, unknown>; signingInput: string; signature: Buffer };

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Splits a compact JWS; null when it is not three base64url JSON segments. */
export function decodeJws(token: string, maxLength = 16_384): TDecodedJws | null {
  if (typeof token !== "string" || token.length > maxLength) return null;
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0] as string, "base64url").toString("utf8")) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1] as string, "base64url").toString("utf8")) as unknown;
    if (typeof header !== "object" || header === null || typeof payload !== "object" || payload === null) return null;
    return {
      header: header as Record<string, unknown>,
      payload: payload as Record<string, unknown>,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2] as string, "base64url"),
    };
  } catch {
    return null;
  }
}

export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const signingInput = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(payload))}`;
  const signature = createHmac("sha256", secret).update(signingInput).digest();
  return `${signingInput}.${base64url(signature)}`;
}

/** The payload of an HS256 token signed with this secret, or null (bad format or signature). */
export function verifyHs256(token: string, secret: string): Record<string, unknown> | null {
  const jws = decodeJws(token, 4096);
  if (!jws || jws.header.alg !== "HS256") return null;
  const expected = createHmac("sha256", secret).update(jws.signingInput).digest();
  if (expected.length !== jws.signature.length || !timingSafeEqual(expected, jws.signature)) return null;
  return jws.payload;
}
