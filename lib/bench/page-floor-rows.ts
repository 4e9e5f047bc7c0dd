/**
 * The rows of the benchmark's "page floor" (app/bench/plancher, npm run bench): 20 fixed
 * rows shaped like a page of the document list, built once, no database. The page is
 * served only when BENCH_BASELINE=1 (lib/bench/baseline-body.ts).
 */
export type TPageFloorRow = { id: string; title: string; type: string; date: string; author: string; structure: string };

export const PAGE_FLOOR_ROWS: readonly TPageFloorRow[] = Array.from({ length: 20 }, (_, i) => ({
  id: `plancher-${String(i + 1).padStart(2, "0")}`,
  title: `Compte rendu de consultation n° ${i + 1}`,
  type: "Compte rendu de consultation",
  date: `${String((i % 28) + 1).padStart(2, "0")}/01/2025`,
  author: "Dr Camille Martin",
  structure: "Centre hospitalier de référence",
}));
