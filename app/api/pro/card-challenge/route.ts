import { z } from "zod";
import { bodyTooLargeResponse, BodyTooLargeError, readBodyBytes } from "@/lib/http/body-limit";
import { requestCardChallengeForBrowser } from "@/lib/pki/request-card-challenge-for-browser";
import { requestIp } from "@/lib/http/request-ip";
import { limitRequest } from "@/lib/rate-limit/limit-request";

const ZBody = z.object({ serial: z.string().max(64), pin: z.string().max(16), generation: z.number().int().min(1).max(1_000_000), salt: z.string().max(100) });
/** A serial and a PIN: a few hundred bytes at most. */
const MAX_BODY_BYTES = 4 * 1024;

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

/**
 * Step 1 of the card sign-in, of a PIN change and of an API token: the PIN is checked (and
 * counted) here; a single-use nonce and the card file's unwrapping key come back.
 */
export async function POST(request: Request) {
  let bytes: Buffer;
  try {
    bytes = await readBodyBytes(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(MAX_BODY_BYTES);
    throw error;
  }
  const parsed = ZBody.safeParse(parseJson(bytes));
  if (!parsed.success) {
    return Response.json({ error: "Requête invalide : choisissez le fichier de la carte et saisissez le code porteur." }, { status: 400 });
  }
  const limit = await limitRequest("cardChallenge", parsed.data.serial.trim().toUpperCase());
  if (!limit.ok) {
    return Response.json({ error: limit.message }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds), "Cache-Control": "no-store" } });
  }
  const result = await requestCardChallengeForBrowser(parsed.data, await requestIp());
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
