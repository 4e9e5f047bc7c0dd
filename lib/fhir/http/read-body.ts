import { MAX_REQUEST_BYTES } from "../constants";
import { FhirError } from "../operation-outcome";

function tooLarge(max: number): FhirError {
  return new FhirError(413, "too-long", `Requête trop volumineuse : le corps dépasse ${Math.round(max / (1024 * 1024))} Mo. Envoyez des documents plus petits ou en plusieurs lots.`);
}

/**
 * The request body as text, refused above `max` bytes before any parsing: by its
 * Content-Length when announced, and by counting the bytes as they arrive otherwise
 * (the stream is cancelled as soon as the limit is passed).
 */
export async function readLimitedBody(request: Request, max: number = MAX_REQUEST_BYTES): Promise<string> {
  const announced = request.headers.get("content-length");
  if (announced !== null && /^\d+$/.test(announced) && Number(announced) > max) throw tooLarge(max);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

/** JSON.parse with a French 400 for anything that is not JSON. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new FhirError(400, "invalid", "Corps de requête vide : un Bundle FHIR JSON est attendu.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FhirError(400, "structure", "Corps de requête illisible : JSON mal formé.");
  }
}
