import { isAppError } from "@/lib/errors/app-error";
import { userMessageFor } from "@/lib/errors/messages";
import { NEUTRAL_REFUSAL_MESSAGE } from "@/lib/access/decision";

/** What a hospital or professional server action answers once the CPS card session is over. */
export const CARD_SESSION_EXPIRED = { message: "Votre session a expiré : reconnectez-vous avec votre carte CPS." } as const;

/** The French message of a failed server action; unexpected errors are logged, never shown. */
export function actionError(error: unknown): { message: string } {
  if (!isAppError(error)) console.error("server action", error);
  if (isAppError(error) && error.code === "NOT_FOUND" && !error.userMessage) {
    return { message: NEUTRAL_REFUSAL_MESSAGE };
  }
  return { message: userMessageFor(error) };
}

/** Next's redirect() throws: let it through. */
export function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_NOT_FOUND") || digest.startsWith("NEXT_HTTP_ERROR"));
}
