import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { TreatingDoctorForm } from "@/components/patient/treating-doctor-form";
import { formatDateTime } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalCareTeam, portalRecordOverview } from "@/lib/patient-portal";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { blockAction, careTeamPresumptionAction, treatingDoctorAction } from "./actions";

export const metadata: Metadata = { title: "Gérer les accès" };

export default async function AccessPage() {
  const { actor } = await requirePatientActor();
  const [team, overview] = await Promise.all([portalCareTeam(actor), portalRecordOverview(actor)]);
  const isClosed = overview.recordStatus === "CLOSED";
  return (
    <>
      <PageHeader
        title="Gérer les accès"
        description={<p>Les professionnels qui ont accédé à votre dossier ou qui y sont autorisés. Un professionnel bloqué perd immédiatement l&apos;accès à votre dossier.</p>}
        actions={<Link href="/patient/acces/urgence" className="font-semibold text-blue-800 underline">Accès en urgence</Link>}
      />
      <section aria-labelledby="equipe" className="mb-10 flex flex-col gap-4">
        <h2 id="equipe" className="text-2xl font-bold">Mon équipe de soins</h2>
        <DataTable
          caption="Professionnels de mon équipe de soins"
          captionHidden
          rows={team}
          rowKey={(m) => m.professionalId}
          emptyText="Aucun professionnel n'a encore accédé à votre dossier."
          columns={[
            { key: "name", header: "Professionnel", isRowHeader: true, cell: (m) => m.name },
            { key: "profession", header: "Profession", cell: (m) => professionWithSpecialtyLabel(m.profession, m.specialty) },
            { key: "structure", header: "Structure", cell: (m) => m.structureName ?? "—" },
            { key: "last", header: "Dernier accès", cell: (m) => (m.lastAccessAt ? formatDateTime(m.lastAccessAt) : "Aucun") },
            {
              key: "status",
              header: "Statut",
              cell: (m) => (
                <span className="flex flex-wrap gap-1">
                  {m.isTreatingDoctor ? <Badge tone="info">Médecin traitant</Badge> : null}
                  {m.isBlocked ? (
                    <Badge tone="danger">Bloqué</Badge>
                  ) : m.isPresumedCareTeam ? (
                    <Badge tone="success">Autorisé (équipe de soins)</Badge>
                  ) : m.isAuthorized || m.isTreatingDoctor ? (
                    <Badge tone="success">Autorisé</Badge>
                  ) : (
                    <Badge>Accès passé</Badge>
                  )}
                </span>
              ),
            },
            {
              key: "action",
              header: "Action",
              cell: (m) =>
                isClosed || m.isTreatingDoctor ? (
                  "—"
                ) : (
                  <ActionForm
                    action={blockAction}
                    fields={{ professionalId: m.professionalId, bloquer: m.isBlocked ? "0" : "1" }}
                    submitLabel={m.isBlocked ? `Débloquer ${m.name}` : `Bloquer ${m.name}`}
                    variant={m.isBlocked ? "secondary" : "danger"}
                  />
                ),
            },
          ]}
        />
      </section>
      <Card
        title="Équipe de soins d'une structure"
        className="mb-10"
        description={
          overview.careTeamAllowed
            ? "Vous autorisez l'accès de l'équipe de soins."
            : "Vous vous êtes opposé à l'accès de l'équipe de soins."
        }
      >
        <p className="text-slate-700">
          Quand vous donnez votre accord à un professionnel (ou choisissez votre médecin traitant), les autres professionnels de sa structure — le
          même hôpital, le même cabinet — sont présumés faire partie de votre équipe de soins : ils peuvent accéder à votre dossier sans vous
          redemander votre accord. Vous êtes informé de chaque premier accès. Si vous vous y opposez, ces accès sont retirés aussitôt et seuls les
          professionnels à qui vous avez donné votre accord accèdent à votre dossier.
        </p>
        {isClosed ? null : (
          <ActionForm
            action={careTeamPresumptionAction}
            fields={{ autoriser: overview.careTeamAllowed ? "0" : "1" }}
            submitLabel={overview.careTeamAllowed ? "M'opposer à l'accès de l'équipe de soins" : "Autoriser l'accès de l'équipe de soins"}
            variant={overview.careTeamAllowed ? "danger" : "primary"}
          />
        )}
      </Card>
      <Card title="Médecin traitant" description={overview.treatingDoctorName ? `Votre médecin traitant : ${overview.treatingDoctorName}.` : "Vous n'avez pas désigné de médecin traitant."}>
        <p className="text-slate-700">Le médecin traitant voit tous vos documents, y compris ceux que vous masquez aux autres professionnels.</p>
        {isClosed ? null : (
          <TreatingDoctorForm
            action={treatingDoctorAction}
            doctors={team.filter((m) => m.mayBeTreatingDoctor && !m.isTreatingDoctor).map((m) => ({ value: m.professionalId, label: `${m.name} — ${professionWithSpecialtyLabel(m.profession, m.specialty)}` }))}
          />
        )}
      </Card>
    </>
  );
}
