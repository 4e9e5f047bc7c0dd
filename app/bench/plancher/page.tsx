import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { isBaselineEnabled } from "@/lib/bench/baseline-body";
import { PAGE_FLOOR_ROWS } from "@/lib/bench/page-floor-rows";

export const metadata: Metadata = { title: "Plancher de mesure" };

/**
 * Benchmark reference (npm run bench, line 9): a bare 20-row table page in the site's
 * layout, rendered per request with no database: the floor of a page of rows in this app.
 * Only served when the server runs with BENCH_BASELINE=1.
 */
export default async function PageFloor() {
  await connection();
  if (!isBaselineEnabled()) notFound();
  return (
    <>
      <PageHeader title="Plancher de mesure" description="Vingt lignes fixes, sans accès à la base : la page de référence des mesures de performance." />
      <DataTable
        caption="Documents (exemple fixe)"
        columns={[
          { key: "title", header: "Titre", cell: (r) => r.title, isRowHeader: true },
          { key: "type", header: "Type", cell: (r) => r.type },
          { key: "date", header: "Date", cell: (r) => r.date },
          { key: "author", header: "Auteur", cell: (r) => r.author },
          { key: "structure", header: "Structure", cell: (r) => r.structure },
        ]}
        rows={PAGE_FLOOR_ROWS}
        rowKey={(r) => r.id}
      />
    </>
  );
}
