import type { Db } from "@/lib/db/types";
import { DEPARTMENTS } from "@/lib/reference/departments";

/**
 * Published DMP figures of 9 August 2020 (records open / population), the starting point
 * of the national statistics page. Only the figures quoted in the README's credits are
 * here (Paris and the national total); other départements show the live counts only.
 */
export const BASELINE_DATE = "2020-08-09";
export const BASELINE_BY_DEPARTMENT: Readonly<Record<string, { records: number; population: number }>> = {
  "75": { records: 251_481, population: 2_190_327 },
};
export const BASELINE_NATIONAL = { records: 9_382_027, population: 67_795_000 };

export type TDepartmentStats = {
  code: string;
  name: string;
  baselineRecords: number | null;
  population: number | null;
  /** Records open in the simulator's database now. */
  liveOpen: number;
  liveClosed: number;
  /** Baseline share of the population with a record, in %. */
  baselineRate: number | null;
};

export type TNationalStats = { baselineDate: string; national: { records: number; population: number; rate: number; liveOpen: number; liveClosed: number }; departments: TDepartmentStats[] };

function rate(records: number, population: number): number {
  return Math.round((records / population) * 10_000) / 100;
}

/** Records per département: the 2020 baseline against population, plus live counts. */
export async function getNationalStats(db: Db): Promise<TNationalStats> {
  const groups = await db.patient.groupBy({ by: ["department", "recordStatus"], _count: { _all: true } });
  const live = new Map<string, { open: number; closed: number }>();
  for (const g of groups) {
    const entry = live.get(g.department) ?? { open: 0, closed: 0 };
    if (g.recordStatus === "OPEN") entry.open += g._count._all;
    else entry.closed += g._count._all;
    live.set(g.department, entry);
  }
  const codes = [...new Set([...Object.keys(BASELINE_BY_DEPARTMENT), ...live.keys()])].sort();
  const departments = codes.map((code) => {
    const base = BASELINE_BY_DEPARTMENT[code];
    const l = live.get(code) ?? { open: 0, closed: 0 };
    return {
      code,
      name: DEPARTMENTS[code] ?? code,
      baselineRecords: base?.records ?? null,
      population: base?.population ?? null,
      liveOpen: l.open,
      liveClosed: l.closed,
      baselineRate: base ? rate(base.records, base.population) : null,
    };
  });
  const liveOpen = departments.reduce((n, d) => n + d.liveOpen, 0);
  const liveClosed = departments.reduce((n, d) => n + d.liveClosed, 0);
  return { baselineDate: BASELINE_DATE, national: { ...BASELINE_NATIONAL, rate: rate(BASELINE_NATIONAL.records, BASELINE_NATIONAL.population), liveOpen, liveClosed }, departments };
}
