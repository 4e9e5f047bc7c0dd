import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

// @peculiar/x509 needs reflect-metadata loaded first and, in Node, Node's WebCrypto.
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };

/** ECDSA P-256 with SHA-256: the key and signature algorithm of the whole test PKI. */
export const EC_KEY_ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
export const EC_SIGNING_ALGORITHM = { name: "ECDSA", hash: "SHA-256" } as const;

export function subtle(): SubtleCrypto {
  return webcrypto.subtle as unknown as SubtleCrypto;
}

export function toPem(der: ArrayBuffer, label: "PRIVATE KEY" | "CERTIFICATE"): string {
  const b64 = Buffer.from(der).toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export function fromPem(pem: string): Uint8Array<ArrayBuffer> {
  const b64 = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, "").replace(/\s+/g, "");
  const bytes = Buffer.from(b64, "base64");
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

export async function importSigningKey(privateKeyPem: string): Promise<CryptoKey> {
  return subtle().importKey("pkcs8", fromPem(privateKeyPem), EC_KEY_ALGORITHM, false, ["sign"]);
}
