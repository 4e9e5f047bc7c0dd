/** Personal-space files: PDF, PNG, JPEG or plain text, at most 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const ALLOWED_MEDIA_TYPES = ["application/pdf", "image/png", "image/jpeg", "text/plain"] as const;
export type TAllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.length < bytes.length ? trimPartialUtf8(sample) : sample);
  } catch {
    return false;
  }
  // Control characters other than tab, newline, carriage return, form feed: not text.
  return !sample.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c);
}

/** Drops an incomplete UTF-8 sequence cut by the sampling. */
function trimPartialUtf8(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  for (let i = 1; i <= 3 && end - i >= 0; i += 1) {
    const b = sample[end - i] as number;
    if ((b & 0xc0) === 0x80) continue;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (needed > i) end -= i;
    break;
  }
  return sample.subarray(0, end);
}

/** The media type the content really is (magic bytes), or null when it is none we accept. */
export function detectMediaType(bytes: Uint8Array): TAllowedMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (looksLikeText(bytes)) return "text/plain";
  return null;
}

export type TUploadCheck = { ok: true; mediaType: TAllowedMediaType } | { ok: false; code: "TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "EMPTY"; message: string };

/**
 * Checks a file before it enters the personal space: size first, then the content's
 * own signature, which must agree with the declared type when one is given.
 */
export function checkUpload(bytes: Uint8Array, declaredType: string | null | undefined): TUploadCheck {
  if (bytes.length === 0) return { ok: false, code: "EMPTY", message: "Le fichier est vide." };
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return { ok: false, code: "TOO_LARGE", message: "Le fichier dépasse la taille maximale de 10 Mo." };
  }
  const detected = detectMediaType(bytes);
  const refused = {
    ok: false as const,
    code: "UNSUPPORTED_MEDIA_TYPE" as const,
    message: "Type de fichier non accepté : seuls les fichiers PDF, PNG, JPEG et texte (.txt) sont acceptés.",
  };
  if (!detected) return refused;
  const declared = (declaredType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const normalizedDeclared = declared === "image/jpg" ? "image/jpeg" : declared;
  if (normalizedDeclared && normalizedDeclared !== "application/octet-stream" && normalizedDeclared !== detected) return refused;
  return { ok: true, mediaType: detected };
}
