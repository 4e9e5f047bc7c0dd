import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { PUK_PATTERN } from "./card-file";
import { CardError } from "./card-errors";
import { platformNow } from "@/lib/clock/clock";
import { lockForTransaction } from "@/lib/db/dialect";

/** Wrong unblocking codes tolerated per card in 24 hours (8 digits: no online guessing). */
export const MAX_PUK_TRIES_PER_DAY = 10;

/** DateTime as Prisma stores it with the SQLite adapter ("2026-11-26T04:32:59.036+00:00"), for raw SQL. */
function prismaDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

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
  const now = request.now ?? platformNow();
  const serial = String(input.serial ?? "").toUpperCase();
  if (!PUK_PATTERN.test(String(input.puk ?? ""))) throw new CardError("INVALID_PUK_FORMAT");
  const card = await db.cpsCard.findUnique({ where: { serial } });
  if (!card) throw new CardError("UNKNOWN_CARD");
  if (card.status === "OPPOSED") throw new CardError("OPPOSED");
  const subject = `puk:${serial}`;
  // The attempt is recorded as a failure BEFORE the verdict, by one statement that counts
  // the day's failures: N parallel guesses cost N tries and at most 10 a day get a verdict.
  // On PostgreSQL two such statements could each count 9 and both insert: a lock on the
  // card's subject, held until the end of the transaction, keeps them one after the other.
  const attemptId = randomUUID();
  const taken = await db.$transaction(async (tx) => {
    await lockForTransaction(tx, subject);
    return tx.$executeRaw`
      INSERT INTO LoginAttempt (id, subject, kind, success, ipAddress, at)
      SELECT ${attemptId}, ${subject}, 'PIN', FALSE, ${request.ipAddress ?? null}, ${prismaDateTime(now)}
      WHERE (
        SELECT COUNT(*) FROM LoginAttempt
        WHERE subject = ${subject} AND kind = 'PIN' AND success = FALSE AND at > ${prismaDateTime(new Date(now.getTime() - 24 * 3600 * 1000))}
      ) < ${MAX_PUK_TRIES_PER_DAY}`;
  });
  if (taken !== 1) throw new CardError("PUK_LOCKED");
  const isValid = await verifyPassword(input.puk, card.pukHash);
  if (isValid) await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
  if (!isValid) throw new CardError("WRONG_PUK");
  if (card.status !== "BLOCKED" && card.pinTries === 0) throw new CardError("NOT_BLOCKED");
  await db.cpsCard.updateMany({ where: { id: card.id, status: { not: "OPPOSED" } }, data: { status: "ACTIVE", pinTries: 0 } });
}
