import { createHmac, randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { CardStatus, PrismaClient, ProfessionalKind } from "@/lib/generated/prisma/client";
import { sessionSecret } from "@/lib/auth/session-secret";
import { FhirError } from "@/lib/fhir/operation-outcome";
import type { TAuthenticatedClient } from "./client-assertion";
import type { TCardHolderRow } from "@/lib/pki/card-holder";
import { platformNow } from "@/lib/clock/clock";
import { queryRows } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** Access tokens live 5 minutes. */
export const ACCESS_TOKEN_TTL_S = 300;
const ISSUER = "dmp-simulateur";
export const API_SCOPE = "system/DocumentReference.cruds system/Binary.r";

/** The verified claims of a token whose signature checked out, by token text (see verifiedClaims). */
type TVerified = Map<string, Record<string, unknown>>;
let derivedKey: { secret: string; key: Uint8Array; verified: TVerified } | null = null;
/** Tokens live 5 minutes: a few thousand clients' tokens at most; beyond, start again. */
const MAX_VERIFIED_TOKENS = 10_000;

function keyring(): NonNullable<typeof derivedKey> {
  const secret = sessionSecret();
  // Derived once per secret, not on every request. The HMAC key is the base64url text of the
  // derivation, as before jose: tokens issued before the switch still verify.
  if (derivedKey?.secret !== secret) {
    derivedKey = { secret, key: new TextEncoder().encode(createHmac("sha256", secret).update("dmp-api-access-token/v1").digest("base64url")), verified: new Map() };
  }
  return derivedKey;
}

/** A key of its own for API tokens, derived from the server secret (sessions never verify as tokens). */
function tokenKey(): Uint8Array {
  return keyring().key;
}

/**
 * The claims of a token, its signature and issuer checked once: a client sends the same
 * token for 5 minutes, and the HMAC check cost more than the rest of the authentication.
 * Expiry is checked on every call against `now` (the platform clock may move); what may
 * change during a token's life (card or certificate status) is read by the caller each time.
 */
async function verifiedClaims(token: string, now: Date): Promise<Record<string, unknown>> {
  const ring = keyring();
  let payload = ring.verified.get(token);
  if (!payload) {
    ({ payload } = await jwtVerify(token, ring.key, { algorithms: ["HS256"], issuer: ISSUER, requiredClaims: ["exp"], currentDate: now }));
    if (ring.verified.size >= MAX_VERIFIED_TOKENS) ring.verified.clear();
    ring.verified.set(token, payload);
  }
  // As jose: expired from the second of `exp` on.
  if (typeof payload.exp !== "number" || payload.exp <= Math.floor(now.getTime() / 1000)) throw new joseErrors.JWTExpired("expired", payload);
  return payload;
}

export type TAccessTokenResponse = { access_token: string; token_type: "Bearer"; expires_in: number; scope: string };

/**
 * A bearer token (JWT HS256, jose) for an authenticated client. Subject: the professional in
 * direct mode (CPS card, with the card's key generation: a PIN change retires the token),
 * the structure in indirect mode (structure certificate).
 */
export async function issueAccessToken(client: TAuthenticatedClient, now: Date = platformNow()): Promise<TAccessTokenResponse> {
  const iat = Math.floor(now.getTime() / 1000);
  const payload =
    client.kind === "CARD"
      ? { mode: "DIRECT", sub: client.professionalId, pid: client.professionalId, sid: client.structureId, cg: client.keyGeneration }
      : { mode: "INDIRECT", sub: client.structureId, sid: client.structureId };
  const token = await new SignJWT({ typ: "dmp-api", ...payload, cs: client.certificateSerial, ck: client.kind })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_S)
    .setJti(randomUUID())
    .sign(tokenKey());
  return { access_token: token, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_S, scope: API_SCOPE };
}

/** The card holder as the token's statement reads them (the API names its readers with it: no second query). */
export type TTokenHolder = TCardHolderRow & { structureId: string | null; namespaceId: string | null };

/** The structure a token acts for, as its statement read it (ITI-65 does not read it again). */
export type TTokenStructure = { id: string; finess: string; name: string; namespaceId: string | null };

export type TTokenSubject =
  | { mode: "DIRECT"; professionalId: string; structureId: string | null; holder: TTokenHolder & { idNat: string; kind: ProfessionalKind }; structure: TTokenStructure | null }
  | { mode: "INDIRECT"; structureId: string; structure: TTokenStructure };

function unauthorized(diagnostics: string, error = "invalid_token"): FhirError {
  return new FhirError(401, "login", diagnostics, { headers: { "www-authenticate": `Bearer error="${error}"` } });
}

/**
 * The subject of a bearer token from an Authorization header: signature, expiry, and the
 * card or structure certificate it was issued for must still be ACTIVE (an opposed card
 * stops its tokens at once) and, for a card, at the same key generation (a PIN change
 * stops them too). Throws a 401 FhirError otherwise.
 */
export async function verifyAccessToken(db: PrismaClient, authorization: string | null, now: Date = platformNow()): Promise<TTokenSubject> {
  if (!authorization) throw unauthorized("Authentification requise : en-tête Authorization: Bearer <jeton> absent (jeton à obtenir sur /api/oauth/token).", "invalid_request");
  const match = /^Bearer\s+([A-Za-z0-9._-]{10,4096})$/i.exec(authorization.trim());
  if (!match) throw unauthorized("En-tête Authorization invalide : « Bearer <jeton> » attendu.");
  let payload: Record<string, unknown>;
  try {
    payload = await verifiedClaims(match[1] as string, now);
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthorized("Jeton d'accès expiré : demandez-en un nouveau.");
    throw unauthorized("Jeton d'accès invalide.");
  }
  if (payload.typ !== "dmp-api") throw unauthorized("Jeton d'accès invalide.");
  const serial = typeof payload.cs === "string" ? payload.cs : "";
  // The card or certificate is read on every request (never cached) so that opposing it
  // stops its tokens at once; raw SQL because this runs before every API call.
  if (payload.ck === "CARD") {
    type TCardRow = Omit<TTokenHolder, "id" | "structure" | "isSamuRegulator" | "isOperator"> & {
      status: CardStatus;
      expiresAt: Date;
      professionalId: string;
      keyGeneration: number;
      isSamuRegulator: unknown;
      isOperator: unknown;
      structureName: string | null;
      structureFiness: string | null;
      structureNamespaceId: string | null;
      idNat: string;
      kind: ProfessionalKind;
    };
    const [card] = await queryRows<TCardRow>(db, Prisma.sql`
      SELECT c.status, c.expiresAt, c.professionalId, c.keyGeneration, p.structureId, p.idNat, p.kind,
        p.title, p.firstName, p.lastName, p.profession, p.specialty, p.isSamuRegulator, p.isOperator, p.namespaceId, s.name AS structureName, s.finess AS structureFiness, s.namespaceId AS structureNamespaceId
      FROM CpsCard c JOIN Professional p ON p.id = c.professionalId LEFT JOIN Structure s ON s.id = p.structureId
      WHERE c.serial = ${serial}`);
    if (!card || card.status !== "ACTIVE" || card.expiresAt <= now || card.professionalId !== payload.pid || Number(card.keyGeneration) !== payload.cg) {
      throw unauthorized("Jeton d'accès révoqué : la carte CPS n'est plus valide (opposée, bloquée, expirée ou code porteur changé).");
    }
    const holder: TTokenHolder & { idNat: string; kind: ProfessionalKind } = {
      id: card.professionalId,
      idNat: card.idNat,
      kind: card.kind,
      title: card.title,
      firstName: card.firstName,
      lastName: card.lastName,
      profession: card.profession,
      specialty: card.specialty,
      isSamuRegulator: Boolean(card.isSamuRegulator),
      isOperator: Boolean(card.isOperator),
      structure: card.structureName === null ? null : { name: card.structureName },
      structureId: card.structureId ?? null,
      namespaceId: card.namespaceId ?? null,
    };
    const structure = card.structureId && card.structureName !== null && card.structureFiness !== null ? { id: card.structureId, finess: card.structureFiness, name: card.structureName, namespaceId: card.structureNamespaceId ?? null } : null;
    return { mode: "DIRECT", professionalId: card.professionalId, structureId: card.structureId ?? null, holder, structure };
  }
  if (payload.ck === "STRUCTURE") {
    const [certificate] = await queryRows<{ status: CardStatus; expiresAt: Date; structureId: string; finess: string; name: string; namespaceId: string | null }>(db, Prisma.sql`
      SELECT c.status, c.expiresAt, c.structureId, s.finess, s.name, s.namespaceId
      FROM StructureCertificate c JOIN Structure s ON s.id = c.structureId WHERE c.serial = ${serial}`);
    if (!certificate || certificate.status !== "ACTIVE" || certificate.expiresAt <= now || certificate.structureId !== payload.sid) {
      throw unauthorized("Jeton d'accès révoqué : le certificat de structure n'est plus valide.");
    }
    return { mode: "INDIRECT", structureId: certificate.structureId, structure: { id: certificate.structureId, finess: certificate.finess, name: certificate.name, namespaceId: certificate.namespaceId ?? null } };
  }
  throw unauthorized("Jeton d'accès invalide.");
}
