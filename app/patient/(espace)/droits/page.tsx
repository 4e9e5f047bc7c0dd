import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { FeedOppositionForm, RecordCopyByMailForm } from "@/components/patient/rights-forms";
import { formatDateTime } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalFeedOppositions, portalRecordCopyRequests, portalRectifications } from "@/lib/patient-portal/rights";
import { RECTIFICATION_ANSWERS } from "@/lib/rights/rectification";
import { feedOppositionAction, recordCopyByMailAction, withdrawFeedOppositionAction } from "./actions";

export const metadata: Metadata = { title: "Mes droits" };

const FLASH: Record<string, string> = { "rectification-envoyee": "Votre demande de rectification est transmise à l'auteur du document." };

export default async function RightsPage({ searchParams }: { searchParams: Promise<{ message?: string }> }) {
  const { actor } = await requirePatientActor();
  const { message } = await searchParams;
  const [rectifications, copies, oppositions] = await Promise.all([portalRectifications(actor), portalRecordCopyRequests(actor), portalFeedOppositions(actor)]);
  return (
    <>
      <PageHeader title="Mes droits" description={<p>Rectification d&apos;un document, copie du dossier par courrier, opposition à l&apos;alimentation du dossier.</p>} />
      {message && FLASH[message] ? <Alert tone="success" className="mb-6">{FLASH[message]}</Alert> : null}
      <div className="flex flex-col gap-6">
        <Card
          title="Mes demandes de rectification"
          description={<p>Pour demander la rectification d&apos;une information, ouvrez le document concerné dans <Link href="/patient/documents" className="font-semibold text-blue-800 underline">Mes documents</Link> puis « Demander une rectification ».</p>}
        >
          {rectifications.length === 0 ? <p>Aucune demande.</p> : null}
          <ul aria-label="Demandes de rectification" className="flex flex-col gap-3">
            {rectifications.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-300 p-3">
                <p>
                  <strong>{r.document.title}</strong> — demandée le {formatDateTime(r.createdAt)} : « {r.text} »
                </p>
                <p>
                  {r.status === "PENDING"
                    ? "En attente de la réponse de l'auteur."
                    : `${RECTIFICATION_ANSWERS[r.status]}${r.answeredAt ? ` le ${formatDateTime(r.answeredAt)}` : ""}${r.answer ? ` : « ${r.answer} »` : "."}`}
                </p>
              </li>
            ))}
          </ul>
        </Card>
        <Card
          title="Copie de mon dossier par courrier recommandé"
          description={<p>Outre le téléchargement immédiat depuis « Mon dossier », l&apos;hébergeur peut vous envoyer une copie de votre dossier par courrier recommandé.</p>}
        >
          {copies.length > 0 ? (
            <ul aria-label="Demandes de copie par courrier" className="mb-4 flex flex-col gap-2">
              {copies.map((c) => (
                <li key={c.id}>
                  Demande du {formatDateTime(c.createdAt)} : {c.status === "PENDING" ? "en cours de traitement par l'hébergeur" : `envoyée par recommandé n° ${c.trackingNumber ?? "—"}`}
                </li>
              ))}
            </ul>
          ) : null}
          <RecordCopyByMailForm action={recordCopyByMailAction} />
        </Card>
        <Card
          title="Opposition à l'alimentation de mon dossier"
          description={<p>Vous pouvez refuser à l&apos;avance qu&apos;un professionnel ou un établissement dépose des documents dans votre dossier : ses envois seront refusés.</p>}
        >
          {oppositions.length > 0 ? (
            <ul aria-label="Oppositions en vigueur" className="mb-4 flex flex-col gap-2">
              {oppositions.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 p-3">
                  <span>
                    {o.label} ({o.kind === "PROFESSIONAL" ? "professionnel" : "établissement"}), depuis le {formatDateTime(o.createdAt)}
                  </span>
                  <ActionForm action={withdrawFeedOppositionAction} fields={{ oppositionId: o.id }} submitLabel={`Lever l'opposition à ${o.label}`} variant="secondary" />
                </li>
              ))}
            </ul>
          ) : null}
          <FeedOppositionForm action={feedOppositionAction} />
        </Card>
      </div>
    </>
  );
}
