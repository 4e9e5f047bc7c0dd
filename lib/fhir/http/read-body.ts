import { BodyTooLargeError, readBodyBytes, UNREAD_BODY_HEADERS } from "@/lib/http/body-limit";
import { MAX_REQUEST_BYTES } from "../constants";
import { FhirError } from "../operation-outcome";

function tooLarge(max: number): FhirError {
  return new FhirError(413, "too-long", `Requête trop volumineuse : le corps dépasse ${Math.round(max / (1024 * 1024))} Mo. Envoyez des documents plus petits ou en plusieurs lots.`, {
    headers: UNREAD_BODY_HEADERS,
  });
}

/** The request body as text, refused above `max` bytes before any parsing (see readBodyBytes). */
export async function readLimitedBody(request: Request, max: number = MAX_REQUEST_BYTES): Promise<string> {
  try {
    return (await readBodyBytes(request, max)).toString("utf8");
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw tooLarge(max);
    throw error;
  }
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
