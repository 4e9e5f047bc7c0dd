import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { openRecords } from "@/lib/record-door/open-record";

/** Whose records: every record with this NIR (twins share one), or one record by its Patient id. */
export type TSearchSubject = { nir: string } | { patientId: string };

/**
 * The records of a search's subject this professional may open, through
 * lib/record-door openRecords (a RECORD_VIEW trace each, refusals included). A refused record is
 * left out exactly like an unknown one: the search answers as if it did not exist.
 */
export async function openSubjectRecords(
  db: PrismaClient,
  actor: TProfessionalActor,
  subject: TSearchSubject,
  options: { ipAddress?: string | null; now?: Date },
): Promise<{ patientId: string; nir: string; ctx: TAccessContext }[]> {
  const opened = await openRecords(db, actor, subject, { ipAddress: options.ipAddress, now: options.now });
  return opened.map(({ ctx, nir }) => ({ patientId: ctx.patientId, nir, ctx }));
}
