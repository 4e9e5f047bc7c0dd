import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { CloseRecordForm } from "@/components/patient/close-record-form";
import { formatDay } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalRecordOverview } from "@/lib/patient-portal";
import { CLOSE_CONFIRMATION, plannedDeletionDate, RETENTION_YEARS } from "@/lib/records/close-record";
import { closeRecordAction, reactivateRecordAction } from "./actions";
import { platformNow } from "@/lib/clock/clock";

export const metadata: Metadata = { title: "Mon dossier" };

export default async function RecordPage({ searchParams }: { searchParams: Promise<{ message?: string }> }) {
  const { actor } = await requirePatientActor();
  const o = await portalRecordOverview(actor);
  const { message } = await searchParams;
  return (
    <>
      <PageHeader title="Mon dossier" description={<p>Copie de votre dossier, fermeture et réactivation.</p>} />
      {message === "ferme" ? <Alert tone="success" className="mb-6">Votre dossier est fermé.</Alert> : null}
      {message === "reactive" ? <Alert tone="success" className="mb-6">Votre dossier est réactivé : les professionnels autorisés y ont de nouveau accès.</Alert> : null}
      <div className="flex flex-col gap-6">
        <Card title="Obtenir une copie de mon dossier" description="Une archive ZIP avec tous les documents que vous pouvez consulter et une synthèse PDF du dossier, historique des accès compris.">
          <p>
            <a href="/patient/dossier/copie" download className="inline-flex min-h-11 items-center rounded-md border-2 border-blue-800 bg-blue-800 px-4 font-semibold text-white">
              Télécharger la copie de mon dossier
            </a>
          </p>
        </Card>
        {o.recordStatus === "OPEN" ? (
          <Card title="Fermer mon dossier" className="border-red-300">
            <p>Si vous fermez votre DMP :</p>
            <ul className="list-disc pl-6">
              <li>aucun professionnel ne peut plus le consulter ni l&apos;alimenter, dès la fermeture ;</li>
              <li>vos données sont conservées {RETENTION_YEARS} ans, jusqu&apos;au {formatDay(plannedDeletionDate(platformNow()))}, puis supprimées ;</li>
              <li>vous pouvez le consulter et le réactiver à tout moment pendant cette période.</li>
            </ul>
            <CloseRecordForm action={closeRecordAction} phrase={CLOSE_CONFIRMATION} />
          </Card>
        ) : (
          <Card title="Réactiver mon dossier">
            <p>
              Dossier fermé le {o.closedAt ? formatDay(o.closedAt) : "—"}. Suppression prévue le <strong>{o.deletionPlannedAt ? formatDay(o.deletionPlannedAt) : "—"}</strong>.
            </p>
            <p>En le réactivant, vous retrouvez votre dossier tel qu&apos;il était et les professionnels autorisés y ont de nouveau accès.</p>
            <ActionForm action={reactivateRecordAction} submitLabel="Réactiver mon DMP" />
          </Card>
        )}
      </div>
    </>
  );
}
