import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateReimbursementHistory } from "./generate-history";
import { platformNow } from "@/lib/clock/clock";

/**
 * Loads the 24-month Assurance Maladie history of records that do not have it yet
 * (reimbursementsLoadedAt null): what arrives "in the background" after a record opens.
 * Each record is loaded in one transaction, so it is loaded once and completely.
 */
export async function loadPendingReimbursementHistories(prisma: PrismaClient, options: { limit?: number; now?: Date } = {}): Promise<number> {
  const now = options.now ?? platformNow();
  const pending = await prisma.patient.findMany({
    where: { reimbursementsLoadedAt: null },
    select: { id: true, nir: true, birthDate: true, birthRank: true },
    take: options.limit ?? 20,
  });
  let loaded = 0;
  for (const p of pending) {
    const items = generateReimbursementHistory(`${p.nir}:${p.birthDate}:${p.birthRank}`, now);
    const done = await prisma.$transaction(async (tx) => {
      const claimed = await tx.patient.updateMany({ where: { id: p.id, reimbursementsLoadedAt: null }, data: { reimbursementsLoadedAt: now } });
      if (claimed.count === 0) return false;
      if (items.length > 0) await tx.reimbursementItem.createMany({ data: items.map((i) => ({ ...i, patientId: p.id })) });
      return true;
    });
    if (done) loaded += 1;
  }
  return loaded;
}
