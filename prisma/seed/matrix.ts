import type { Db } from "@/lib/db/types";
import { DEFAULT_HABILITATION_MATRIX } from "@/lib/habilitations/default-matrix";

export async function createHabilitationMatrix(prisma: Db, now: Date): Promise<number> {
  const { count } = await prisma.habilitationRule.createMany({
    data: DEFAULT_HABILITATION_MATRIX.map((r) => ({ ...r, updatedAt: now })),
  });
  return count;
}
