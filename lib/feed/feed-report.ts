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
  /** Distinct records fed (NIR + birth date + rank of the fed-OK files), next to the files (the deck's « DMP alimentés »). */
  recordsFed: number;
};

export type TFeedReport = { structureIds: string[]; from: string; to: string; months: TFeedMonth[]; total: Omit<TFeedMonth, "month"> };

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
  return { month, sent: 0, certificationKo: 0, recordFound: 0, recordNotFound: 0, fedOk: 0, recordClosed: 0, rejected: 0, recordsFed: 0 };
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

/** The share of the files sent, in % with one decimal (0 when nothing was sent). */
export function shareOf(count: number, sent: number): number {
  return sent === 0 ? 0 : Math.round((count / sent) * 1000) / 10;
}

/**
 * Monthly counts of a structure's feed — or of several sites of one group together — like
 * a hospital's own DMP dashboard: files sent, certification KO, record found, record not
 * found, fed OK (and closed, rejected), distinct records fed, over [from, to] (months
 * "YYYY-MM", at most 36, UTC months).
 */
export async function getFeedReport(db: Db, structureIds: string | readonly string[], period: { from: string; to: string }): Promise<TFeedReport> {
  const ids = typeof structureIds === "string" ? [structureIds] : [...structureIds];
  const months = monthsBetween(period.from, period.to);
  const rows = new Map(months.map((m) => [m, empty(m)]));
  const last = months[months.length - 1] ?? period.to;
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  const submissions = await db.feedSubmission.findMany({
    where: { structureId: { in: ids }, submittedAt: { gte: new Date(`${months[0] ?? period.from}-01T00:00:00.000Z`), lt: new Date(Date.UTC(ly, lm, 1)) } },
    select: { submittedAt: true, outcome: true, nir: true, birthDate: true, birthRank: true },
  });
  const fedByMonth = new Map<string, Set<string>>();
  const fedOverall = new Set<string>();
  for (const s of submissions) {
    const month = s.submittedAt.toISOString().slice(0, 7);
    const row = rows.get(month);
    if (!row) continue;
    add(row, s.outcome);
    if (s.outcome === "FED_OK") {
      const key = `${s.nir}|${s.birthDate}|${s.birthRank}`;
      fedByMonth.set(month, (fedByMonth.get(month) ?? new Set()).add(key));
      fedOverall.add(key);
    }
  }
  for (const [month, set] of fedByMonth) (rows.get(month) as TFeedMonth).recordsFed = set.size;
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
      recordsFed: 0,
    }),
    { sent: 0, certificationKo: 0, recordFound: 0, recordNotFound: 0, fedOk: 0, recordClosed: 0, rejected: 0, recordsFed: 0 },
  );
  total.recordsFed = fedOverall.size;
  return { structureIds: ids, from: months[0] ?? period.from, to: last, months: list, total };
}
