import type { Db } from "@/lib/db/types";
import type { FeedOutcome } from "@/lib/generated/prisma/enums";

export type TFeedMonth = {
  /** "YYYY-MM" */
  month: string;
  sent: number;
  certificationKo: number;
  recordFound: number;
  recordNotFound: number;
  fedOk: number;
  recordClosed: number;
  rejected: number;
};

export type TFeedReport = { structureId: string; from: string; to: string; months: TFeedMonth[]; total: Omit<TFeedMonth, "month"> };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const MAX_REPORT_MONTHS = 36;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while ((y < ty || (y === ty && m <= tm)) && out.length < MAX_REPORT_MONTHS) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function empty(month: string): TFeedMonth {
  return { month, sent: 0, certificationKo: 0, recordFound: 0, recordNotFound: 0, fedOk: 0, recordClosed: 0, rejected: 0 };
}

function add(row: TFeedMonth, outcome: FeedOutcome): void {
  row.sent += 1;
  if (outcome === "FED_OK") row.fedOk += 1;
  if (outcome === "CERTIFICATION_KO") row.certificationKo += 1;
  if (outcome === "RECORD_NOT_FOUND") row.recordNotFound += 1;
  if (outcome === "RECORD_CLOSED") row.recordClosed += 1;
  if (outcome === "REJECTED") row.rejected += 1;
  // "DMP trouvé": the identity was certified and a record exists (fed, or closed).
  if (outcome === "FED_OK" || outcome === "RECORD_CLOSED") row.recordFound += 1;
}

/**
 * Monthly counts of a structure's feed, like a hospital's own DMP dashboard: files sent,
 * certification KO, record found, record not found, fed OK (and closed, rejected), over
 * [from, to] (months "YYYY-MM", at most 36, UTC months).
 */
export async function getFeedReport(db: Db, structureId: string, period: { from: string; to: string }): Promise<TFeedReport> {
  const months = monthsBetween(period.from, period.to);
  const rows = new Map(months.map((m) => [m, empty(m)]));
  const last = months[months.length - 1] ?? period.to;
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  const submissions = await db.feedSubmission.findMany({
    where: { structureId, submittedAt: { gte: new Date(`${months[0] ?? period.from}-01T00:00:00.000Z`), lt: new Date(Date.UTC(ly, lm, 1)) } },
    select: { submittedAt: true, outcome: true },
  });
  for (const s of submissions) {
    const row = rows.get(s.submittedAt.toISOString().slice(0, 7));
    if (row) add(row, s.outcome);
  }
  const list = [...rows.values()];
  const total = list.reduce(
    (t, r) => ({
      sent: t.sent + r.sent,
      certificationKo: t.certificationKo + r.certificationKo,
      recordFound: t.recordFound + r.recordFound,
      recordNotFound: t.recordNotFound + r.recordNotFound,
      fedOk: t.fedOk + r.fedOk,
      recordClosed: t.recordClosed + r.recordClosed,
      rejected: t.rejected + r.rejected,
    }),
    { sent: 0, certificationKo: 0, recordFound: 0, recordNotFound: 0, fedOk: 0, recordClosed: 0, rejected: 0 },
  );
  return { structureId, from: months[0] ?? period.from, to: last, months: list, total };
}
