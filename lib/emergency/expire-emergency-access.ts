import type { PrismaClient } from "@/lib/generated/prisma/client";
import { platformNow } from "@/lib/clock/clock";
import { isWellFormedId } from "@/lib/http/row-id";

/**
 * Development tool: makes one emergency access expire now, as if its duration had passed
 * (/dev/urgences). Returns false when it does not exist or has already ended.
 */
export async function expireEmergencyAccess(prisma: PrismaClient, id: string, now: Date = platformNow()): Promise<boolean> {
  if (!isWellFormedId(id)) return false;
  const { count } = await prisma.emergencyAccess.updateMany({ where: { id, expiresAt: { gt: now } }, data: { expiresAt: now } });
  return count === 1;
}
