import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { InputField, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { getExportFollowUp } from "@/lib/hospital/portal";
import { ActionForm } from "@/components/ui/action-form";
import { mssanteAction, resendAction } from "./actions";

export const metadata: Metadata = { title: "Suivi export dossier médical patient — simulateur hospitalier" };

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
const TONE: Record<string, "success" | "danger" | "warning" | "neutral" | "info"> = {
  FED_OK: "success",
  CERTIFICATION_KO: "danger",
  REJECTED: "danger",
  RECORD_NOT_FOUND: "warning",
  RECORD_CLOSED: "warning",
  HELD_BACK: "warning",
  NO_NIR: "warning",
  NOT_EXPORTABLE: "neutral",
  PENDING: "info",
};

export default async function ExportFollowUpPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const { id } = await params;
  const view = await getExportFollowUp(actor, id);
  if (!view) notFound();
  const { patient } = view;
  const imported = (await searchParams).importe !== undefined;
  return (
    <>
      <PageHeader
        eyebrow={`${view.structure.name} — IPP ${patient.localId}`}
        title={`Suivi export dossier médical patient — ${patient.firstName} ${patient.lastName.toUpperCase()}`}
        description={<p>Gestion des envois des documents vers le DMP et/ou MSSanté.</p>}
        actions={
          <span className="flex gap-4">
            <Link href={`/hopital/patients/${patient.id}`}>Nouveau document</Link>
            <Link href="/hopital">Retour à la liste des patients</Link>
          </span>
        }
      />
      {imported ? <Alert tone="success">Document importé : il reste dans le dossier de l&apos;établissement, sans envoi au DMP.</Alert> : null}
      {!view.hasNir ? (
        <Alert tone="warning" title="NIR non renseigné">
          {view.pendingNir ? "Une demande d'ajout du NIR est en attente." : "Demandez l'ajout du NIR depuis la page de rédaction."} Les documents validés sont retenus jusqu&apos;à sa confirmation.
        </Alert>
      ) : null}
      {view.documents.length === 0 ? <p>Aucun document pour ce patient.</p> : null}
      <ul className="flex flex-col gap-4" aria-label="Documents du patient">
        {view.documents.map((d) => (
          <li key={d.id}>
            <article aria-labelledby={`doc-${d.id}`} className="rounded-md border border-slate-300 bg-white p-4">
              <h2 id={`doc-${d.id}`} className="text-lg font-semibold">
                <Link href={`/hopital/patients/${patient.id}/documents/${d.id}`}>{d.title}</Link>
              </h2>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                <dt>Statut</dt>
                <dd>
                  <Badge tone={d.status === "DRAFT" ? "info" : (TONE[d.dmpStatus] ?? "neutral")}>{d.dmpStatusLabel}</Badge>
                </dd>
                {d.reason ? (
                  <>
                    <dt>Motif</dt>
                    <dd>{d.reason}</dd>
                  </>
                ) : null}
                {d.nextStep ? (
                  <>
                    <dt>À faire</dt>
                    <dd>{d.nextStep}</dd>
                  </>
                ) : null}
                <dt>Type</dt>
                <dd>{d.typeLabel}</dd>
                <dt>Destinations</dt>
                <dd>{d.destinations.length > 0 ? d.destinations.join(" et ") : "aucune"}</dd>
                <dt>Masquage</dt>
                <dd>{d.masking}</dd>
                <dt>Créé le</dt>
                <dd>{DATE.format(d.createdAt)}</dd>
                <dt>Validé</dt>
                <dd>{d.validatedAt ? `le ${DATE.format(d.validatedAt)} par ${d.validatedBy}` : "non"}</dd>
                {d.dmpSentAt ? (
                  <>
                    <dt>Dernier envoi DMP</dt>
                    <dd>
                      {DATE.format(d.dmpSentAt)} ({d.dmpAttempts} envoi{d.dmpAttempts > 1 ? "s" : ""})
                    </dd>
                  </>
                ) : null}
                {d.mssanteSentAt ? (
                  <>
                    <dt>MSSanté</dt>
                    <dd>
                      envoyé le {DATE.format(d.mssanteSentAt)} à {d.mssanteRecipient}
                    </dd>
                  </>
                ) : null}
              </dl>
              <div className="mt-3 flex flex-wrap gap-6">
                {d.mayResend ? (
                  <ActionForm action={resendAction} submitLabel="Renvoyer au DMP" label={`Renvoyer au DMP : ${d.title}`}>
                    <input type="hidden" name="documentId" value={d.id} />
                  </ActionForm>
                ) : null}
                {d.mayMssante ? (
                  <ActionForm action={mssanteAction} submitLabel="Envoyer par MSSanté" label={`Envoyer par MSSanté : ${d.title}`} className="flex flex-col gap-2">
                    <input type="hidden" name="documentId" value={d.id} />
                    <SelectField
                      id={`recipientKind-${d.id}`}
                      name="recipientKind"
                      label="Destinataire MSSanté"
                      options={[
                        { value: "PATIENT", label: "Messagerie du patient (INS)" },
                        { value: "PRO", label: "Messagerie d'un professionnel (adresse ci-dessous)" },
                      ]}
                    />
                    <InputField id={`address-${d.id}`} name="address" label="Adresse MSSanté du professionnel" placeholder="prenom.nom@medecin.mssante.fr" />
                  </ActionForm>
                ) : null}
              </div>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
