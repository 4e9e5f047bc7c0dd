import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { getDemoCardsForPage } from "@/lib/pki/find-demo-cards-for-page";
import { DEMO_PIN, DEMO_PUK, isDemoCardsEnabled } from "@/lib/pki/demo-cards";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { ofName } from "@/lib/text/french";

export const metadata: Metadata = { title: "Cartes CPS de démonstration" };
export const dynamic = "force-dynamic";

const STATUS = { ACTIVE: "Active", BLOCKED: "Bloquée", OPPOSED: "En opposition" } as const;

export default async function DemoCardsPage() {
  if (!isDemoCardsEnabled()) notFound();
  const cards = await getDemoCardsForPage();
  return (
    <>
      <PageHeader
        eyebrow="Outils de démonstration"
        title="Cartes CPS de démonstration"
        description={
          <p>
            Une carte par professionnel de démonstration. Code porteur (PIN) : <strong>{DEMO_PIN}</strong> · code de
            déblocage (PUK) : <strong>{DEMO_PUK}</strong>.
          </p>
        }
      />
      <Alert tone="warning" className="mb-6">
        Page disponible uniquement avec les outils de développement : de vraies cartes ne se téléchargent jamais.
      </Alert>
      <DataTable
        caption="Cartes de démonstration"
        rows={cards}
        rowKey={(c) => c.serial}
        emptyText="Aucune carte de démonstration : chargez les données de démonstration."
        columns={[
          { key: "name", header: "Titulaire", isRowHeader: true, cell: (c) => c.holderName },
          { key: "idnat", header: "Identifiant national", cell: (c) => <code>{c.idNat}</code> },
          {
            key: "role",
            header: "Profession",
            cell: (c) => (
              <>
                {c.profession ? professionWithSpecialtyLabel(c.profession, c.specialty) : "Personnel d'établissement (CPE)"}
                {c.isSamuRegulator ? " · régulateur SAMU-Centre 15" : ""}
                {c.isOperator ? " · opérateur" : ""}
                {c.structureName ? <span className="block text-slate-700">{c.structureName}</span> : null}
              </>
            ),
          },
          { key: "status", header: "État", cell: (c) => <Badge tone={c.status === "ACTIVE" ? "success" : "danger"}>{STATUS[c.status]}</Badge> },
          {
            key: "file",
            header: "Fichier",
            cell: (c) => (
              <a href={`/pro/cartes-demo/${c.serial}`} download={c.fileName}>
                Télécharger la carte {ofName(c.holderName)}
              </a>
            ),
          },
        ]}
      />
    </>
  );
}
