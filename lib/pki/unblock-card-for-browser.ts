import "server-only";
import { prisma } from "@/lib/db/client";
import { messageForCode } from "@/lib/errors/messages";
import { isCardError } from "./card-errors";
import { unblockCard } from "./unblock-card";

/** The unblock form's result: done, or a French refusal. */
export async function unblockCardForBrowser(
  input: { serial: string; puk: string },
  ipAddress: string | null,
): Promise<{ status: "done" } | { status: "error"; message: string }> {
  try {
    await unblockCard(prisma, input, { ipAddress });
    return { status: "done" };
  } catch (error) {
    if (isCardError(error)) return { status: "error", message: error.message };
    console.error("card unblock", error);
    return { status: "error", message: messageForCode("INTERNAL") };
  }
}
