import { randomUUID, webcrypto } from "node:crypto";
import { SignJWT } from "jose";
import { certificateClientId } from "./client-assertion";
import { platformNow } from "@/lib/clock/clock";

/**
 * What a client does to get a token: a JWT ES256 (jose) with header x5c (its certificate
 * chain, base64 DER) signed by its key (a CPS card's key, or a structure certificate's
 * key). A card's assertion also carries pin_ticket: the nonce the platform issued after
 * verifying the card's PIN (POST /api/pro/card-challenge). iss = sub = the client id: the
 * certificate's identity (IdNat_PS of a card, IdNat_Struct "1" + FINESS of a structure)
 * unless another is given (to test the refusal). Used by the tests and shown in the README.
 */
export async function signClientAssertion(input: {
  key: CryptoKey;
  /** PEM certificates, the client's own first. */
  chainPem: string[];
  /** Defaults to the certificate's identity (certificateClientId), the only one the platform accepts. */
  clientId?: string;
  tokenUrl: string;
  /** Card only: the nonce of a PIN verification by the platform. */
  pinTicket?: string;
  now?: Date;
  lifetimeSeconds?: number;
  jti?: string;
}): Promise<string> {
  const nowS = Math.floor((input.now ?? platformNow()).getTime() / 1000);
  const clientId = input.clientId ?? certificateClientId(input.chainPem[0] ?? "") ?? "";
  const x5c = input.chainPem.map((pem) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, ""));
  return new SignJWT(input.pinTicket ? { pin_ticket: input.pinTicket } : {})
    .setProtectedHeader({ alg: "ES256", typ: "JWT", x5c })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(input.tokenUrl)
    .setIssuedAt(nowS)
    .setExpirationTime(nowS + (input.lifetimeSeconds ?? 240))
    .setJti(input.jti ?? randomUUID())
    .sign(input.key);
}

/** Imports a PKCS#8 PEM ECDSA P-256 private key for signing. */
export async function importEcPrivateKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, "").replace(/\s+/g, ""), "base64");
  return webcrypto.subtle.importKey("pkcs8", der, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
}
