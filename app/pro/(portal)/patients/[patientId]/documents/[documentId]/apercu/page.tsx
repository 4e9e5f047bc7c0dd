import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CdaDocument } from "@/components/documents/cda-document";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { CDA_MEDIA_TYPE } from "@/lib/cda/constants";
import { cdaView } from "@/lib/cda/view";
import { openDocument } from "@/lib/pro/portal";
import { RecordHeader } from "../../../_sections/record-header";

export const metadata: Metadata = { title: "Document CDA" };

type TProps = { params: Promise<{ patientId: string; documentId: string }> };

/** A CDA document read in the record (traced as DOCUMENT_READ, like the raw content). */
export default async function ProCdaDocumentPage({ params }: TProps) {
  const actor = await requireProfessionalActor();
  const { patientId, documentId } = await params;
  const { doc } = await openDocument(actor, patientId, documentId);
  if (!doc) notFound();
  const base = `/pro/patients/${patientId}/documents/${documentId}`;
  if (doc.mediaType !== CDA_MEDIA_TYPE) {
    return (
      <>
        <RecordHeader record={doc.record} base={`/pro/patients/${patientId}`} />
        <PageHeader title={doc.title} actions={<LinkButton href={`/pro/patients/${patientId}`} variant="secondary">Retour au dossier</LinkButton>} />
        <p>
          Ce document n&apos;est pas un document CDA. <a href={base} className="font-semibold text-blue-800 underline">Ouvrir le document</a>
        </p>
      </>
    );
  }
  const cda = cdaView(doc.data);
  return (
    <>
      <RecordHeader record={doc.record} base={`/pro/patients/${patientId}`} />
      <PageHeader eyebrow="Document CDA R2" title={doc.title} actions={<LinkButton href={`/pro/patients/${patientId}`} variant="secondary">Retour au dossier</LinkButton>} />
      <Card title="Contenu">
        {cda.ok ? <CdaDocument view={cda.view} pdfHref={`${base}?pdf=1`} /> : <Alert tone="danger">{cda.message}</Alert>}
        <a href={base} className="font-semibold text-blue-800 underline">
          Télécharger le document CDA (XML)
        </a>
      </Card>
    </>
  );
}
