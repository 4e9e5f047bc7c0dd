import "server-only";
import { prisma } from "@/lib/db/client";
import { messageForCode } from "@/lib/errors/messages";
import { isCardError, type TCardRefusal } from "./card-errors";
import { changeCardPin, type TChangeCardPinInput, type TChangedCardPin } from "./change-card-pin";

export type TChangeCardPinResult = ({ status: "done" } & TChangedCardPin) | { status: "error"; message: string; refusal?: TCardRefusal };

/** The PIN change form's result: done, or a French refusal. */
export async function changeCardPinForBrowser(input: TChangeCardPinInput, ipAddress: string | null): Promise<TChangeCardPinResult> {
  try {
    return { status: "done", ...(await changeCardPin(prisma, input, { ipAddress })) };
  } catch (error) {
    if (isCardError(error)) return { status: "error", message: error.message, refusal: error.refusal };
    console.error("card PIN change", error);
    return { status: "error", message: messageForCode("INTERNAL") };
  }
}
