import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Ends this professional's open emergency accesses on a record now (the professional
 * leaves the emergency, or — through the development tools — time is made to pass).
 * Returns how many were closed.
 */
export async function closeEmergencyAccess(
  prisma: PrismaClient,
  professionalId: string,
  patientId: string,
  now: Date = new Date(),
): Promise<number> {
  const { count } = await prisma.emergencyAccess.updateMany({
    where: { professionalId, patientId, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  return count;
}
