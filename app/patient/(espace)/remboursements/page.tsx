import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/table";
import { formatIsoDay } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalReimbursements } from "@/lib/patient-portal";
import { formatEuros } from "@/lib/reimbursements/find-reimbursements";

export const metadata: Metadata = { title: "Mes remboursements" };

export default async function ReimbursementsPage() {
  const { actor } = await requirePatientActor();
  const data = await portalReimbursements(actor);
  return (
    <>
      <PageHeader title="Mes remboursements" description={<p>Les soins remboursés par l&apos;Assurance Maladie au cours des 24 derniers mois. Total remboursé : {formatEuros(data.totalCents)}.</p>} />
      {data.isLoading ? <Alert tone="info" className="mb-6">Votre historique de remboursements est en cours de chargement. Revenez dans quelques instants.</Alert> : null}
      <div className="flex flex-col gap-10">
        {data.groups.map((g) => (
          <section key={g.category} aria-labelledby={`cat-${g.category}`} className="flex flex-col gap-3">
            <h2 id={`cat-${g.category}`} className="text-2xl font-bold">
              {g.label} <span className="text-base font-normal text-slate-700">— {g.items.length} acte{g.items.length > 1 ? "s" : ""}, {formatEuros(g.totalCents)}</span>
            </h2>
            <DataTable
              caption={g.label}
              captionHidden
              rows={g.items}
              rowKey={(i) => i.id}
              emptyText="Aucun remboursement dans cette catégorie."
              columns={[
                { key: "date", header: "Date", cell: (i) => formatIsoDay(i.date) },
                { key: "label", header: "Acte ou produit", isRowHeader: true, cell: (i) => i.label },
                { key: "code", header: "Code", cell: (i) => i.actCode },
                { key: "specialty", header: "Professionnel", cell: (i) => i.specialty ?? "—" },
                { key: "qty", header: "Quantité", cell: (i) => String(i.quantity) },
                { key: "amount", header: "Montant remboursé", cell: (i) => formatEuros(i.amountCents) },
              ]}
            />
          </section>
        ))}
      </div>
    </>
  );
}
