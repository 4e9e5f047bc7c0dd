import type { Db } from "@/lib/db/types";
import { DEFAULT_HABILITATION_MATRIX } from "./default-matrix";

/**
 * The matrix rows a newer version of the platform introduces (a document type or data
 * family with no row at all, such as PROFIL_MEDICAL for the health profile), added with
 * their default decisions to a database prepared by an older version. Without them a new
 * family is refused to every profession. A family that has rows, as the operator left them,
 * is never touched; an empty matrix is the seed's to fill, not this function's.
 */
export async function addMissingMatrixRows(prisma: Db, now: Date): Promise<{ typeCodes: string[]; rows: number }> {
  const present = new Set((await prisma.habilitationRule.findMany({ distinct: ["typeCode"], select: { typeCode: true } })).map((r) => r.typeCode));
  if (present.size === 0) return { typeCodes: [], rows: 0 };
  const missing = DEFAULT_HABILITATION_MATRIX.filter((r) => !present.has(r.typeCode));
  if (missing.length === 0) return { typeCodes: [], rows: 0 };
  const { count } = await prisma.habilitationRule.createMany({ data: missing.map((r) => ({ ...r, updatedAt: now })) });
  return { typeCodes: [...new Set(missing.map((r) => r.typeCode))], rows: count };
}
