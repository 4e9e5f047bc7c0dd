import type { Db } from "@/lib/db/types";
import { DEPARTMENTS } from "@/lib/reference/departments";

/**
 * DMP figures of 9 August 2020 (records open / population), the starting point of the
 * national statistics page. Source: the AP-HP deck « Mise en œuvre de l'alimentation du DMP
 * depuis ORBIS sur l'AP-HP » (2020), table « Nombre de DMP ouverts au 9 Août 2020 »: the
 * eight Île-de-France départements, their total, the rest of France and the national total.
 * Other départements show the live counts only.
 */
export const BASELINE_DATE = "2020-08-09";
export const BASELINE_BY_DEPARTMENT: Readonly<Record<string, { records: number; population: number }>> = {
  "75": { records: 251_481, population: 2_190_327 },
  "77": { records: 174_462, population: 1_397_665 },
  "78": { records: 184_224, population: 1_431_808 },
  "91": { records: 143_792, population: 1_287_330 },
  "92": { records: 169_100, population: 1_603_268 },
  "93": { records: 111_451, population: 1_606_660 },
  "94": { records: 273_423, population: 1_378_151 },
  "95": { records: 121_028, population: 1_221_923 },
};
/** The deck's own totals (its rows « TOTAL IDF », « HORS IDF », « TOTAL NATIONAL »). */
export const BASELINE_ILE_DE_FRANCE = { records: 1_428_961, population: 12_117_132 };
export const BASELINE_OUTSIDE_ILE_DE_FRANCE = { records: 7_953_066, population: 55_677_868 };
export const BASELINE_NATIONAL = { records: 9_382_027, population: 67_795_000 };
export const ILE_DE_FRANCE_DEPARTMENTS: readonly string[] = ["75", "77", "78", "91", "92", "93", "94", "95"];

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

export type TAreaStats = { label: string; records: number; population: number; rate: number; liveOpen: number; liveClosed: number };

export type TNationalStats = {
  baselineDate: string;
  national: { records: number; population: number; rate: number; liveOpen: number; liveClosed: number };
  /** Total Île-de-France and the rest of France, as the deck's table adds them up. */
  areas: TAreaStats[];
  departments: TDepartmentStats[];
};

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
  const idf = departments.filter((d) => ILE_DE_FRANCE_DEPARTMENTS.includes(d.code));
  const sum = (rows: TDepartmentStats[], key: "liveOpen" | "liveClosed") => rows.reduce((n, d) => n + d[key], 0);
  const idfOpen = sum(idf, "liveOpen");
  const idfClosed = sum(idf, "liveClosed");
  const areas: TAreaStats[] = [
    { label: "Total Île-de-France", ...BASELINE_ILE_DE_FRANCE, rate: rate(BASELINE_ILE_DE_FRANCE.records, BASELINE_ILE_DE_FRANCE.population), liveOpen: idfOpen, liveClosed: idfClosed },
    {
      label: "Hors Île-de-France",
      ...BASELINE_OUTSIDE_ILE_DE_FRANCE,
      rate: rate(BASELINE_OUTSIDE_ILE_DE_FRANCE.records, BASELINE_OUTSIDE_ILE_DE_FRANCE.population),
      liveOpen: liveOpen - idfOpen,
      liveClosed: liveClosed - idfClosed,
    },
  ];
  return { baselineDate: BASELINE_DATE, areas, national: { ...BASELINE_NATIONAL, rate: rate(BASELINE_NATIONAL.records, BASELINE_NATIONAL.population), liveOpen, liveClosed }, departments };
}
