import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalRecordOverview } from "@/lib/patient-portal";
import { ofName, plural, sentenceCase } from "@/lib/text/french";

export const metadata: Metadata = { title: "Mon DMP" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ motDePasse?: string; bienvenue?: string }> }) {
  const { actor } = await requirePatientActor();
  const o = await portalRecordOverview(actor);
  const params = await searchParams;
  return (
    <>
      <PageHeader
        eyebrow={o.isLegalRepresentative ? "Dossier d'un mineur que vous représentez" : "Mon espace santé"}
        title={`DMP ${ofName(`${o.firstName} ${o.lastName}`)}`}
        description={<p>Dossier ouvert le {formatDay(o.recordOpenedAt)}.</p>}
      />
      {params.motDePasse === "modifie" ? <Alert tone="success" className="mb-6">Votre mot de passe a été enregistré.</Alert> : null}
      {params.bienvenue ? (
        <Alert tone="success" className="mb-6" title="Votre DMP est ouvert">
          Un courriel ou un SMS de confirmation vous est envoyé. L&apos;historique de vos remboursements des 24 derniers mois arrive dans quelques instants.
        </Alert>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Mes documents" description={`${o.documentCount} document${o.documentCount > 1 ? "s" : ""} dans le dossier.`} footer={<Link className="font-semibold text-blue-800 underline" href="/patient/documents">Voir mes documents</Link>} />
        <Card
          title="État du dossier"
          description={
            o.recordStatus === "OPEN" ? (
              <Badge tone="success">Dossier ouvert</Badge>
            ) : (
              <span className="flex flex-col gap-1">
                <Badge tone="warning">Dossier fermé</Badge>
                {o.deletionPlannedAt ? <span>Suppression prévue le {formatDay(o.deletionPlannedAt)}.</span> : null}
              </span>
            )
          }
          footer={<Link className="font-semibold text-blue-800 underline" href="/patient/dossier">Gérer mon dossier</Link>}
        />
        <Card
          title="Médecin traitant"
          description={o.treatingDoctorName ?? "Aucun médecin traitant désigné."}
          footer={<Link className="font-semibold text-blue-800 underline" href="/patient/acces">Gérer les accès</Link>}
        />
        <Card
          title="Accès en urgence"
          description={
            <ul className="list-disc pl-5">
              <li>Bris de glace : {o.breakGlassAllowed ? "autorisé" : "refusé"}</li>
              <li>SAMU-Centre 15 : {o.samuAllowed ? "autorisé" : "refusé"}</li>
            </ul>
          }
          footer={<Link className="font-semibold text-blue-800 underline" href="/patient/acces/urgence">Modifier les accès en urgence</Link>}
        />
        <Card
          title="Notifications"
          description={`${sentenceCase(plural(o.unreadNotifications, "notification non lue", "notifications non lues", { none: "aucune notification non lue" }))}.`}
          footer={<Link className="font-semibold text-blue-800 underline" href="/patient/notifications">Voir les notifications</Link>}
        />
      </div>
    </>
  );
}
