import { randomUUID, webcrypto } from "node:crypto";
import { base64url } from "./jwt";

/**
 * What a client does to get a token: a JWT ES256 with header x5c (its certificate chain,
 * base64 DER) signed by its key (a CPS card's key opened by the PIN, or a structure
 * certificate's key). Used by the tests and shown in the README.
 */
export async function signClientAssertion(input: {
  key: CryptoKey;
  /** PEM certificates, the client's own first. */
  chainPem: string[];
  clientId: string;
  tokenUrl: string;
  now?: Date;
  lifetimeSeconds?: number;
  jti?: string;
}): Promise<string> {
  const nowS = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const x5c = input.chainPem.map((pem) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, ""));
  const header = { alg: "ES256", typ: "JWT", x5c };
  const payload = {
    iss: input.clientId,
    sub: input.clientId,
    aud: input.tokenUrl,
    iat: nowS,
    exp: nowS + (input.lifetimeSeconds ?? 240),
    jti: input.jti ?? randomUUID(),
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = await webcrypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, input.key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}

/** Imports a PKCS#8 PEM ECDSA P-256 private key for signing. */
export async function importEcPrivateKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, "").replace(/\s+/g, ""), "base64");
  return webcrypto.subtle.importKey("pkcs8", der, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
}
