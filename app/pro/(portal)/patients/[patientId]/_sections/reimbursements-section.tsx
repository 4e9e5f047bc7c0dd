import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import type { TReimbursementPage } from "@/lib/records/professional-record-reimbursements";

const EUR = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

function day(d: string): string {
  const [y, m, dd] = d.split("-");
  return `${dd}/${m}/${y}`;
}

/** The reimbursements tab (REIMBURSEMENTS rule): one page of the 24-month history. */
export function ReimbursementsSection({ base, isLoaded, page }: { base: string; isLoaded: boolean; page: TReimbursementPage | null }) {
  return (
    <section aria-labelledby="remboursements" className="mb-10">
      <h2 id="remboursements" className="mb-3 text-2xl font-semibold">
        Remboursements (24 derniers mois)
      </h2>
      {!isLoaded || !page ? (
        <Alert tone="info">Historique de remboursements en cours de chargement : l&apos;Assurance Maladie le transmet dans quelques instants.</Alert>
      ) : (
        <>
          <DataTable
            caption="Remboursements de l'Assurance Maladie"
            captionHidden
            rows={page.items}
            rowKey={(r) => r.id}
            emptyText="Aucun remboursement sur la période."
            columns={[
              { key: "date", header: "Date", cell: (r) => day(r.date) },
              { key: "label", header: "Acte ou produit", isRowHeader: true, cell: (r) => r.label },
              { key: "code", header: "Code", cell: (r) => <code>{r.actCode}</code> },
              { key: "amount", header: "Montant remboursé", cell: (r) => EUR.format(r.amountCents / 100) },
            ]}
          />
          <Pagination currentPage={page.page} totalPages={page.pageCount} basePath={base} searchParams={{ vue: "remboursements" }} label="Pages des remboursements" />
        </>
      )}
    </section>
  );
}
