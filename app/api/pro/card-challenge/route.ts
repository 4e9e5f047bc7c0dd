import { z } from "zod";
import { requestCardChallengeForBrowser } from "@/lib/pki/request-card-challenge-for-browser";

const ZBody = z.object({ serial: z.string().max(64), pin: z.string().max(16), generation: z.number().int().min(1).max(1_000_000), salt: z.string().max(100) });

/**
 * Step 1 of the card sign-in, of a PIN change and of an API token: the PIN is checked (and
 * counted) here; a single-use nonce and the card file's unwrapping key come back.
 */
export async function POST(request: Request) {
  const parsed = ZBody.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return Response.json({ error: "Requête invalide : choisissez le fichier de la carte et saisissez le code porteur." }, { status: 400 });
  }
  const ipAddress = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  const result = await requestCardChallengeForBrowser(parsed.data, ipAddress);
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
