import { X509Certificate, createPublicKey } from "node:crypto";
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from "jose";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrCreateAuthorities } from "@/lib/pki/authorities";
import { checkCardCertificate, isSameCertificate } from "@/lib/pki/verify-certificate";
import { CARD_REFUSALS } from "@/lib/pki/card-errors";
import { consumeCardChallenge } from "@/lib/pki/card-sign-in";
import { subjectClaims } from "@/lib/pki/card-subject";
import { x509 } from "@/lib/pki/x509";
import { consumeJtiOnce } from "./jti-store";
import { OAuthError } from "./oauth-error";
import { platformNow } from "@/lib/clock/clock";

/** An assertion expires at most 5 minutes after it is received (SMART Backend Services: exp ≤ now + 5 min). */
export const MAX_ASSERTION_LIFETIME_S = 300;
/**
 * The clocks of the client and the server may differ by this much, no more: an assertion
 * is still accepted up to 60 s after its exp (and its nbf), may end 60 s beyond the 5
 * minutes, and its iat may be at most 60 s in the future.
 */
export const ALLOWED_CLOCK_SKEW_S = 60;

export type TAuthenticatedClient =
  | { kind: "CARD"; certificateSerial: string; keyGeneration: number; professionalId: string; structureId: string | null }
  | { kind: "STRUCTURE"; certificateSerial: string; structureId: string };

/** The client failed to authenticate (RFC 6749 §5.2 invalid_client, 401). */
const unauthorized = (message: string) => new OAuthError("invalid_client", message);

/**
 * The client id a certificate authenticates: its subject serialNumber (2.5.4.5), the
 * IdNat_PS of a CPS card or the IdNat_Struct ("1" + FINESS) of a structure certificate.
 */
export function certificateClientId(certificatePem: string): string | null {
  try {
    return subjectClaims(new x509.X509Certificate(certificatePem).subjectName.toJSON()).idNat;
  } catch {
    return null;
  }
}

const MAX_ASSERTION_LENGTH = 16_384;

/** The protected header of a compact JWS, or null when it is not one. */
function readHeader(assertion: string): ProtectedHeaderParameters | null {
  if (typeof assertion !== "string" || assertion.length > MAX_ASSERTION_LENGTH || assertion.split(".").length !== 3) return null;
  try {
    return decodeProtectedHeader(assertion);
  } catch {
    return null;
  }
}

function derToPem(b64: string): string {
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

/**
 * Checks a client assertion (JWT ES256, header x5c = the certificate chain, base64 DER)
 * signed by a CPS card's key (direct mode) or a structure certificate's key (indirect
 * mode): signature (jose), chain to the simulator's IGC-Santé test CA (lib/pki), validity
 * dates, the card or certificate as issued and still ACTIVE, iss = sub = the certificate's
 * identity (certificateClientId), aud = the token URL, exp in the next 5 minutes and iat
 * not in the future (ALLOWED_CLOCK_SKEW_S either way), jti never seen before: otherwise
 * invalid_client (401). For a card, the claim pin_ticket must be a nonce the platform
 * issued after verifying and counting the card's PIN (POST /api/pro/card-challenge),
 * unused and unexpired: a card file and a key without a PIN checked by the platform yield
 * no token (invalid_grant, 400: the PIN verification is the grant).
 */
export async function verifyClientAssertion(
  db: PrismaClient,
  assertion: string,
  options: { tokenUrl: string | readonly string[]; now?: Date },
): Promise<TAuthenticatedClient> {
  const now = options.now ?? platformNow();
  const header = readHeader(assertion);
  if (!header) throw unauthorized("client_assertion illisible : un JWT signé (trois segments base64url) est attendu.");
  if (header.alg !== "ES256") throw unauthorized("client_assertion : seul l'algorithme ES256 (ECDSA P-256) est accepté.");
  const x5c: unknown = header.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > 3 || !x5c.every((c) => typeof c === "string" && /^[A-Za-z0-9+/=]+$/.test(c) && c.length < 8000)) {
    throw unauthorized("client_assertion : en-tête x5c (chaîne de certificats, DER en base64) manquant ou invalide.");
  }
  const leafPem = derToPem(x5c[0] as string);
  const authorities = await getOrCreateAuthorities(db, now);
  const check = checkCardCertificate(leafPem, authorities, now);
  if (!check.ok) {
    const reason = check.refusal === "FOREIGN_CA"
      ? "Certificat refusé : il n'est pas émis par l'autorité de certification IGC-Santé de test du simulateur."
      : CARD_REFUSALS[check.refusal].message;
    throw unauthorized(reason);
  }
  const leaf: X509Certificate = check.certificate;
  let payload: JWTPayload;
  try {
    const key = createPublicKey(leaf.publicKey.export({ format: "pem", type: "spki" }));
    ({ payload } = await jwtVerify(assertion, key, { algorithms: ["ES256"], currentDate: now, clockTolerance: ALLOWED_CLOCK_SKEW_S }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthorized("client_assertion expirée.");
    if (error instanceof joseErrors.JWTClaimValidationFailed || error instanceof joseErrors.JWTInvalid) {
      throw unauthorized("client_assertion illisible : un JWT signé (trois segments base64url) est attendu.");
    }
    throw unauthorized("client_assertion : signature invalide pour le certificat présenté.");
  }

  const { iss, sub, aud, exp, iat, jti } = payload;
  if (typeof iss !== "string" || iss === "" || iss !== sub) throw unauthorized("client_assertion : iss et sub doivent être présents et identiques (identifiant du client).");
  const clientId = certificateClientId(leafPem);
  if (!clientId || iss !== clientId) {
    throw unauthorized(
      `client_assertion : iss et sub doivent valoir l'identifiant du certificat présenté (serialNumber de son sujet : IdNat_PS d'une carte CPS, IdNat_Struct « 1 » + FINESS d'une structure)${clientId ? `, ici « ${clientId} »` : ""}.`,
    );
  }
  const audiences = Array.isArray(aud) ? aud : [aud];
  const accepted: readonly string[] = typeof options.tokenUrl === "string" ? [options.tokenUrl] : options.tokenUrl;
  if (!audiences.some((a) => typeof a === "string" && accepted.includes(a))) {
    throw unauthorized(`client_assertion : aud doit valoir l'URL du point de jeton (${accepted[0] ?? ""}).`);
  }
  const nowS = Math.floor(now.getTime() / 1000);
  if (typeof exp !== "number" || !Number.isFinite(exp)) throw unauthorized("client_assertion : exp manquant.");
  if (exp + ALLOWED_CLOCK_SKEW_S <= nowS) throw unauthorized("client_assertion expirée.");
  if (exp > nowS + MAX_ASSERTION_LIFETIME_S + ALLOWED_CLOCK_SKEW_S) {
    throw unauthorized(`client_assertion : exp trop lointain (${MAX_ASSERTION_LIFETIME_S / 60} minutes au plus après la réception, ${ALLOWED_CLOCK_SKEW_S} s de décalage d'horloge tolérés).`);
  }
  if (iat !== undefined && (typeof iat !== "number" || iat > nowS + ALLOWED_CLOCK_SKEW_S)) {
    throw unauthorized(`client_assertion : iat dans le futur (${ALLOWED_CLOCK_SKEW_S} s de décalage d'horloge tolérés).`);
  }
  if (typeof jti !== "string" || jti.length < 8 || jti.length > 200) throw unauthorized("client_assertion : jti (identifiant unique) manquant.");

  const serial = leaf.serialNumber.toUpperCase();
  const card = await db.cpsCard.findUnique({ where: { serial }, include: { professional: { select: { id: true, structureId: true } } } });
  let client: TAuthenticatedClient;
  if (card && isSameCertificate(leaf, card.certificatePem)) {
    if (card.status !== "ACTIVE") throw unauthorized(card.status === "OPPOSED" ? CARD_REFUSALS.OPPOSED.message : CARD_REFUSALS.BLOCKED.message);
    if (card.expiresAt <= now) throw unauthorized(CARD_REFUSALS.EXPIRED.message);
    client = { kind: "CARD", certificateSerial: serial, keyGeneration: card.keyGeneration, professionalId: card.professional.id, structureId: card.professional.structureId };
  } else {
    const certificate = await db.structureCertificate.findUnique({ where: { serial } });
    if (!certificate || !isSameCertificate(leaf, certificate.certificatePem)) {
      throw unauthorized("Certificat inconnu : il ne correspond à aucune carte CPS ni à aucun certificat de structure émis.");
    }
    if (certificate.status !== "ACTIVE") throw unauthorized("Certificat de structure révoqué.");
    if (certificate.expiresAt <= now) throw unauthorized("Certificat de structure expiré.");
    client = { kind: "STRUCTURE", certificateSerial: serial, structureId: certificate.structureId };
  }
  if (!(await consumeJtiOnce(db, `${serial}:${jti}`, new Date((exp + ALLOWED_CLOCK_SKEW_S) * 1000), now))) throw unauthorized("client_assertion déjà utilisée (jti rejoué).");
  if (client.kind === "CARD" && !(await consumeCardChallenge(db, serial, payload.pin_ticket, now))) {
    throw new OAuthError(
      "invalid_grant",
      "client_assertion : vérification du code porteur absente, expirée ou déjà utilisée. Faites vérifier le code porteur de la carte (POST /api/pro/card-challenge) et placez le nonce reçu dans la revendication pin_ticket de l'assertion.",
    );
  }
  return client;
}
