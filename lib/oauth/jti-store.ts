import type { PrismaClient } from "@/lib/generated/prisma/client";
import { platformNow } from "@/lib/clock/clock";

/**
 * Client assertion ids already used, until they expire (UsedClientAssertion): a replayed
 * assertion is refused, across a restart and across server processes. Expired rows are
 * removed as new ones come (an assertion lives 5 minutes at most, so the table stays small).
 * Returns false when the key was already used (a replay).
 */
export async function consumeJtiOnce(db: PrismaClient, key: string, expiresAt: Date, now: Date = platformNow()): Promise<boolean> {
  await db.usedClientAssertion.deleteMany({ where: { expiresAt: { lte: now } } });
  try {
    await db.usedClientAssertion.create({ data: { key, expiresAt } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}
