import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { PUK_PATTERN } from "./card-file";
import { CardError } from "./card-errors";

/** Wrong unblocking codes tolerated per card in 24 hours (8 digits: no online guessing). */
export const MAX_PUK_TRIES_PER_DAY = 10;

/**
 * Unblocks a card with its 8-digit unblocking code: PIN counter back to 0, status ACTIVE.
 * The PIN itself is unchanged (it also protects the key inside the card file). An opposed
 * card cannot be unblocked.
 */
export async function unblockCard(
  db: PrismaClient,
  input: { serial: string; puk: string },
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<void> {
  const now = request.now ?? new Date();
  const serial = String(input.serial ?? "").toUpperCase();
  if (!PUK_PATTERN.test(String(input.puk ?? ""))) throw new CardError("INVALID_PUK_FORMAT");
  const card = await db.cpsCard.findUnique({ where: { serial } });
  if (!card) throw new CardError("UNKNOWN_CARD");
  if (card.status === "OPPOSED") throw new CardError("OPPOSED");
  const subject = `puk:${serial}`;
  const recentFailures = await db.loginAttempt.count({
    where: { subject, kind: "PIN", success: false, at: { gt: new Date(now.getTime() - 24 * 3600 * 1000) } },
  });
  if (recentFailures >= MAX_PUK_TRIES_PER_DAY) throw new CardError("PUK_LOCKED");
  const isValid = await verifyPassword(input.puk, card.pukHash);
  await db.loginAttempt.create({ data: { subject, kind: "PIN", success: isValid, ipAddress: request.ipAddress ?? null, at: now } });
  if (!isValid) throw new CardError("WRONG_PUK");
  if (card.status !== "BLOCKED" && card.pinTries === 0) throw new CardError("NOT_BLOCKED");
  await db.cpsCard.update({ where: { id: card.id }, data: { status: "ACTIVE", pinTries: 0 } });
}
