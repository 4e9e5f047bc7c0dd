import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { openRecord } from "@/lib/record-door/open-record";
import { isAppError } from "@/lib/errors/app-error";

/** Whose records: every record with this NIR (twins share one), or one record by its Patient id. */
export type TSearchSubject = { nir: string } | { patientId: string };

/**
 * The records of a search's subject this professional may open, each through
 * lib/record-door/open-record (RECORD_VIEW trace, refusals included). A refused record is
 * left out exactly like an unknown one: the search answers as if it did not exist.
 */
export async function openSubjectRecords(
  db: PrismaClient,
  actor: TProfessionalActor,
  subject: TSearchSubject,
  options: { ipAddress?: string | null; now?: Date },
): Promise<{ patientId: string; nir: string; ctx: TAccessContext }[]> {
  // Raw SQL: every search starts here, and a Prisma call compiles its query on each call.
  const where = "nir" in subject ? Prisma.sql`nir = ${subject.nir}` : Prisma.sql`id = ${subject.patientId}`;
  const patients = await db.$queryRaw<{ id: string; nir: string }[]>`SELECT id, nir FROM Patient WHERE ${where} ORDER BY birthRank ASC, id ASC`;
  const opened: { patientId: string; nir: string; ctx: TAccessContext }[] = [];
  for (const patient of patients) {
    try {
      const { ctx } = await openRecord(db, actor, patient.id, { ipAddress: options.ipAddress, now: options.now });
      opened.push({ patientId: patient.id, nir: patient.nir, ctx });
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") continue;
      throw error;
    }
  }
  return opened;
}
