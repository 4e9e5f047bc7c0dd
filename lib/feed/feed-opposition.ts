import type { Db } from "@/lib/db/types";
import { feedOppositionDecision, SOURCE_OPPOSED_MESSAGE, type TFeedOpposition } from "@/lib/access/feed-rules";
import type { TDocumentResult } from "./ingest-bundle";
import { AppError } from "@/lib/errors/app-error";

type TPlannedDocument = { result: TDocumentResult; author?: { id: string }; patientId?: string | null };

/**
 * FEED_OPPOSITION on a planned bundle (issue 17): every document still FED_OK whose record's
 * patient opposed the feeding structure, its author or its submitter becomes REJECTED with
 * SOURCE_OPPOSED_MESSAGE (the bundle, all or nothing, is then refused). One statement for
 * the whole bundle, none when `opposedPatients` (from ingestBundle's record lookup) names
 * none of its records; called by ingestBundle right after planning.
 */
export async function rejectOpposedSources(
  db: Db,
  structureId: string,
  submitterId: string | null,
  planned: readonly TPlannedDocument[],
  /** When the caller already knows which records have an opposition at all: no statement for the others. */
  opposedPatients?: ReadonlySet<string>,
): Promise<void> {
  const patientIds = [...new Set(planned.flatMap((p) => (p.result.outcome === "FED_OK" && p.patientId && (!opposedPatients || opposedPatients.has(p.patientId)) ? [p.patientId] : [])))];
  if (patientIds.length === 0) return;
  const rows = await db.feedOpposition.findMany({
    where: { patientId: { in: patientIds }, withdrawnAt: null },
    select: { patientId: true, professionalId: true, structureId: true, withdrawnAt: true },
  });
  if (rows.length === 0) return;
  const byPatient = new Map<string, TFeedOpposition[]>();
  for (const row of rows) byPatient.set(row.patientId, [...(byPatient.get(row.patientId) ?? []), row]);
  for (const p of planned) {
    if (p.result.outcome !== "FED_OK" || !p.patientId || !p.author) continue;
    const decision = feedOppositionDecision(byPatient.get(p.patientId) ?? [], { structureId, authorId: p.author.id, submitterId });
    if (!decision.allowed) p.result = { ...p.result, outcome: "REJECTED", status: 403, code: "forbidden", message: SOURCE_OPPOSED_MESSAGE, documentId: null, isResend: false };
  }
}

/**
 * FEED_OPPOSITION for a document a professional adds (or replaces) from the portal: the same
 * rule as the hospital feed, with the professional as author and their structure as feeder.
 * Refused with the feed's message, inside the command's transaction (nothing is written).
 */
export async function assertNotOpposedSource(db: Db, patientId: string, professionalId: string): Promise<void> {
  const rows = await db.feedOpposition.findMany({
    where: { patientId, withdrawnAt: null },
    select: { patientId: true, professionalId: true, structureId: true, withdrawnAt: true },
  });
  if (rows.length === 0) return;
  const me = await db.professional.findUnique({ where: { id: professionalId }, select: { structureId: true } });
  const decision = feedOppositionDecision(rows, { structureId: me?.structureId ?? "", authorId: professionalId, submitterId: null });
  if (!decision.allowed) throw new AppError("FORBIDDEN", SOURCE_OPPOSED_MESSAGE);
}
