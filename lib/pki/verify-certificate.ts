import { X509Certificate, createPublicKey, verify as verifySignature } from "node:crypto";
import type { TAuthorities } from "./authorities";
import type { TCardRefusal } from "./card-errors";

export type TCertificateCheck = { ok: true; certificate: X509Certificate } | { ok: false; refusal: TCardRefusal };

function parse(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

/**
 * Checks a card certificate against the test PKI: issued and signed by the issuing CA,
 * itself issued and signed by the root, and within its validity dates at `now`.
 */
export function checkCardCertificate(certificatePem: string, authorities: TAuthorities, now: Date): TCertificateCheck {
  const leaf = parse(certificatePem);
  const issuing = parse(authorities.issuing.certificatePem);
  const root = parse(authorities.root.certificatePem);
  if (!leaf || !issuing || !root) return { ok: false, refusal: "FOREIGN_CA" };
  const isChained =
    leaf.checkIssued(issuing) &&
    leaf.verify(issuing.publicKey) &&
    issuing.checkIssued(root) &&
    issuing.verify(root.publicKey) &&
    root.verify(root.publicKey);
  if (!isChained || leaf.ca) return { ok: false, refusal: "FOREIGN_CA" };
  for (const ca of [issuing, root]) {
    if (now < new Date(ca.validFrom) || now > new Date(ca.validTo)) return { ok: false, refusal: "FOREIGN_CA" };
  }
  if (now < new Date(leaf.validFrom)) return { ok: false, refusal: "NOT_YET_VALID" };
  if (now > new Date(leaf.validTo)) return { ok: false, refusal: "EXPIRED" };
  return { ok: true, certificate: leaf };
}

/** Verifies a WebCrypto ECDSA P-256 / SHA-256 signature (raw IEEE P1363, base64) of the nonce. */
export function isValidNonceSignature(certificate: X509Certificate, nonce: string, signatureB64: string): boolean {
  try {
    const signature = Buffer.from(signatureB64, "base64");
    if (signature.length !== 64) return false;
    const key = createPublicKey(certificate.publicKey.export({ format: "pem", type: "spki" }));
    return verifySignature("sha256", Buffer.from(nonce, "utf8"), { key, dsaEncoding: "ieee-p1363" }, signature);
  } catch {
    return false;
  }
}

/** Same certificate, compared by DER bytes (PEM line breaks do not matter). */
export function isSameCertificate(a: X509Certificate, pem: string): boolean {
  const b = parse(pem);
  return b !== null && a.raw.equals(b.raw);
}
