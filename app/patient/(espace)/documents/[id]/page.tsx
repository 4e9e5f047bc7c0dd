import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { MaskingBadges, SOURCE_LABELS } from "@/components/patient/masking-badges";
import { formatDateTime, formatDay, formatSize } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { requestIp } from "@/lib/http/request-ip";
import { portalDocument, portalReadDocument } from "@/lib/patient-portal";
import { documentClassLabel, documentTypeLabel } from "@/lib/reference/document-types";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { CDA_MEDIA_TYPE } from "@/lib/cda/constants";
import { cdaView } from "@/lib/cda/view";
import { CdaDocument } from "@/components/documents/cda-document";

export const metadata: Metadata = { title: "Document" };

const FLASH: Record<string, string> = {
  masque: "Le document est maintenant masqué aux professionnels.",
  demasque: "Le document est de nouveau visible par les professionnels autorisés.",
  oppose: "Votre opposition est enregistrée : le document est retiré de la vue des professionnels.",
  "opposition-levee": "Votre opposition est levée : le document est de nouveau visible par les professionnels autorisés.",
  ajoute: "Le document a été ajouté à votre espace personnel.",
  modifie: "Le document a été modifié.",
};

export default async function DocumentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ message?: string }> }) {
  const { actor } = await requirePatientActor();
  const { id } = await params;
  const { message } = await searchParams;
  const doc = await portalDocument(actor, id);
  if (!doc) notFound();
  // A text document is shown in the page: opening it is a traced read.
  // So is a CDA document, rendered from its parsed tree.
  const isCda = doc.mediaType === CDA_MEDIA_TYPE;
  const opened = doc.mediaType === "text/plain" || isCda ? await portalReadDocument(actor, id, await requestIp()) : null;
  const text = isCda ? null : opened;
  const cda = isCda && opened ? cdaView(opened.data) : null;
  const isOwn = doc.source === "PATIENT" && doc.authorAccountId === actor.accountId;
  const contentUrl = `/patient/documents/${doc.id}/contenu`;
  return (
    <>
      <PageHeader eyebrow={documentTypeLabel(doc.typeCode)} title={doc.title} actions={<LinkButton href="/patient/documents" variant="secondary">Retour à mes documents</LinkButton>} />
      {message && FLASH[message] ? <Alert tone="success" className="mb-6">{FLASH[message]}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Informations" className="lg:col-span-1">
          <dl className="grid grid-cols-1 gap-2">
            <div><dt className="font-semibold">Date</dt><dd>{formatDay(doc.serviceDate)}</dd></div>
            <div><dt className="font-semibold">Type</dt><dd>{documentTypeLabel(doc.typeCode)} ({documentClassLabel(doc.classCode)})</dd></div>
            <div>
              <dt className="font-semibold">Auteur</dt>
              <dd>{doc.authorName ? `${doc.authorName} — ${professionWithSpecialtyLabel(doc.authorProfession, doc.authorSpecialty)}` : doc.source === "PATIENT" ? "Déposé dans l'espace personnel" : "—"}</dd>
            </div>
            <div><dt className="font-semibold">Structure</dt><dd>{doc.structureName ?? "—"}</dd></div>
            <div><dt className="font-semibold">Source</dt><dd>{SOURCE_LABELS[doc.source]}</dd></div>
            <div><dt className="font-semibold">Ajouté le</dt><dd>{formatDateTime(doc.submittedAt)}</dd></div>
            <div><dt className="font-semibold">Format</dt><dd>{isCda ? "CDA R2 (text/xml)" : doc.mediaType} · {formatSize(doc.size)}</dd></div>
            <div><dt className="font-semibold">Visibilité</dt><dd><MaskingBadges doc={doc} /> <Link href={`/patient/documents/${doc.id}/visibilite`} className="font-semibold text-blue-800 underline">Qui peut voir ce document ?</Link></dd></div>
            {doc.oppositionReason ? <div><dt className="font-semibold">Motif de l&apos;opposition</dt><dd>{doc.oppositionReason}</dd></div> : null}
          </dl>
        </Card>
        <Card title="Contenu" className="lg:col-span-2">
          {cda ? (
            cda.ok ? <CdaDocument view={cda.view} pdfHref={`${contentUrl}?pdf=1`} /> : <Alert tone="danger">{cda.message}</Alert>
          ) : text ? (
            // A long text scrolls inside its frame: a named region the keyboard can focus and scroll.
            <div role="region" aria-label="Texte du document" tabIndex={0} className="max-h-[36rem] overflow-auto rounded-md bg-slate-50 p-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-700">
              <pre className="whitespace-pre-wrap [overflow-wrap:anywhere] font-sans text-slate-900">{new TextDecoder().decode(text.data)}</pre>
            </div>
          ) : doc.mediaType.startsWith("image/") ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={contentUrl} alt={`Image du document : ${doc.title}`} className="max-w-full rounded-md border border-slate-300" />
          ) : (
            <p>Ce document est un fichier {doc.mediaType === "application/pdf" ? "PDF" : doc.mediaType}.</p>
          )}
          <div className="flex flex-wrap gap-3">
            {doc.mediaType === "application/pdf" ? (
              <a href={contentUrl} className="font-semibold text-blue-800 underline" target="_blank" rel="noopener">
                Afficher le PDF
              </a>
            ) : null}
            <a href={`${contentUrl}?telechargement=1`} className="font-semibold text-blue-800 underline">
              {isCda ? "Télécharger le document CDA (XML)" : "Télécharger le document"}
            </a>
          </div>
        </Card>
      </div>
      {!doc.isRecordClosed ? (
        <section aria-labelledby="actions" className="mt-8 flex flex-col gap-4">
          <h2 id="actions" className="text-xl font-bold">Actions</h2>
          <ul className="flex flex-wrap gap-3">
            <li>
              <LinkButton href={`/patient/documents/${doc.id}/masquage`} variant="secondary">
                {doc.hiddenFromPros ? "Ne plus masquer aux professionnels" : "Masquer aux professionnels"}
              </LinkButton>
            </li>
            {doc.source !== "PATIENT" ? (
              <li>
                <LinkButton href={`/patient/documents/${doc.id}/opposition`} variant="secondary">
                  {doc.isOpposed ? "Lever mon opposition" : <>M&apos;opposer à ce document</>}
                </LinkButton>
              </li>
            ) : null}
            {doc.authorName ? (
              <li>
                <LinkButton href={`/patient/documents/${doc.id}/rectification`} variant="secondary">
                  Demander une rectification
                </LinkButton>
              </li>
            ) : null}
            {isOwn ? (
              <li>
                <LinkButton href={`/patient/documents/${doc.id}/modifier`} variant="secondary">
                  Modifier ou supprimer
                </LinkButton>
              </li>
            ) : null}
          </ul>
          <p className="text-slate-700">
            Qui a consulté ce document ? Voir l&apos;<Link href="/patient/historique" className="font-semibold text-blue-800 underline">historique des accès</Link>.
          </p>
        </section>
      ) : null}
    </>
  );
}
