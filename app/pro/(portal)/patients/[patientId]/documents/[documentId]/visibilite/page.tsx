import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { DocumentVisibility } from "@/components/documents/document-visibility";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { documentVisibilityForAuthor } from "@/lib/pro/portal";
import { RecordHeader } from "../../../_sections/record-header";

export const metadata: Metadata = { title: "Qui peut voir ce document ?" };

type TProps = { params: Promise<{ patientId: string; documentId: string }> };

/** For the author of a document: the access policy's live answer about it. */
export default async function ProDocumentVisibilityPage({ params }: TProps) {
  const actor = await requireProfessionalActor();
  const { patientId, documentId } = await params;
  const page = await nullWhenNotFound(() => documentVisibilityForAuthor(actor, patientId, documentId));
  if (!page) notFound();
  return (
    <>
      <RecordHeader record={page.record} base={`/pro/patients/${patientId}`} />
      <PageHeader
       
        eyebrow={page.title}
        title="Qui peut voir ce document ?"
        description={<p>La réponse des règles d&apos;accès du DMP pour ce document dont vous êtes l&apos;auteur, telles qu&apos;elles s&apos;appliquent maintenant.</p>}
        actions={<LinkButton href={`/pro/patients/${patientId}`} variant="secondary">Retour au dossier</LinkButton>}
      />
      <DocumentVisibility page={page} />
    </>
  );
}
