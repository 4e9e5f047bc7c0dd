import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import type { TFormState } from "@/components/ui/form-state";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { getProfessionalActor, requireOperator } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/errors/action-result";
import { operatorCards, operatorOpposeCard } from "@/lib/pro/operator";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";

export const metadata: Metadata = { title: "Cartes CPS" };

const STATUS = { ACTIVE: "Active", BLOCKED: "Bloquée", OPPOSED: "En opposition" } as const;
const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

async function opposeAction(serial: string, _state: TFormState, _form: FormData): Promise<TFormState> {
  "use server";
  const me = await getProfessionalActor();
  if (!me) redirect("/pro/connexion");
  try {
    await operatorOpposeCard(me, serial);
  } catch (error) {
    return actionError(error);
  }
  return { message: "Carte mise en opposition : sa prochaine connexion sera refusée.", success: true };
}

export default async function OperatorCardsPage() {
  const actor = await requireOperator();
  const cards = await operatorCards(actor);
  return (
    <>
      <PageHeader eyebrow="Opérateur de la plateforme" title="Cartes CPS" actions={<LinkButton href="/pro/operateur" variant="secondary">Retour à l&apos;espace opérateur</LinkButton>} />
      <DataTable
        caption="Cartes émises"
        rows={cards}
        rowKey={(c) => c.serial}
        columns={[
          { key: "holder", header: "Titulaire", isRowHeader: true, cell: (c) => `${c.holderName} (${c.idNat})` },
          { key: "profession", header: "Profession", cell: (c) => (c.profession ? professionWithSpecialtyLabel(c.profession, c.specialty) : "Personnel d'établissement") },
          { key: "serial", header: "Numéro de série", cell: (c) => <code>{c.serial}</code> },
          { key: "expires", header: "Fin de validité", cell: (c) => DATE.format(c.expiresAt) },
          { key: "status", header: "État", cell: (c) => <Badge tone={c.status === "ACTIVE" ? "success" : "danger"}>{STATUS[c.status]}</Badge> },
          {
            key: "action",
            header: "Action",
            cell: (c) =>
              c.status === "OPPOSED" ? null : (
                <ActionForm action={opposeAction.bind(null, c.serial)} submitLabel={`Mettre en opposition la carte ${c.serial}`} variant="danger" />
              ),
          },
        ]}
      />
    </>
  );
}
