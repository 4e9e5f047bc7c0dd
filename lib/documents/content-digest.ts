import { createHash } from "node:crypto";

/** The digests kept with a document's bytes, in hex: SHA-256 for integrity, SHA-1 for XDS/MHD `hash`. */
export type TContentDigests = { sha256: string; sha1: string };

export function contentDigests(bytes: Uint8Array): TContentDigests {
  return { sha256: createHash("sha256").update(bytes).digest("hex"), sha1: createHash("sha1").update(bytes).digest("hex") };
}

/** FHIR's Attachment.hash is the SHA-1 in base64. */
export function sha1HexToBase64(hex: string): string {
  return Buffer.from(hex, "hex").toString("base64");
}
