import "server-only";
import { prisma } from "@/lib/db/client";
import { messageForCode } from "@/lib/errors/messages";
import { isCardError, type TCardRefusal } from "./card-errors";
import { requestCardChallenge, type TPinCheckInput } from "./card-sign-in";

export type TChallengeResponse =
  | { status: 200; body: { nonce: string; expiresAt: string; unwrapKey: string } }
  | { status: 400 | 401 | 403 | 423 | 500; body: { error: string; refusal?: TCardRefusal } };

/** The JSON answer of the card-challenge route: a nonce and the card file's unwrapping key, or a French refusal. */
export async function requestCardChallengeForBrowser(
  input: TPinCheckInput,
  ipAddress: string | null,
): Promise<TChallengeResponse> {
  try {
    const { nonce, expiresAt, unwrapKey } = await requestCardChallenge(prisma, input, { ipAddress });
    return { status: 200, body: { nonce, expiresAt: expiresAt.toISOString(), unwrapKey } };
  } catch (error) {
    if (!isCardError(error)) {
      console.error("card challenge", error);
      return { status: 500, body: { error: messageForCode("INTERNAL") } };
    }
    const status = error.code === "INVALID_INPUT" ? 400 : error.code === "LOCKED" ? 423 : error.code === "FORBIDDEN" ? 403 : 401;
    return { status, body: { error: error.message, refusal: error.refusal } };
  }
}
