import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { DocumentVisibility } from "@/components/documents/document-visibility";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalDocumentVisibility } from "@/lib/patient-portal/document-visibility";

export const metadata: Metadata = { title: "Qui peut voir ce document ?" };

export default async function DocumentVisibilityPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requirePatientActor();
  const { id } = await params;
  const page = await portalDocumentVisibility(actor, id);
  if (!page) notFound();
  return (
    <>
      <PageHeader
        eyebrow={page.title}
        title="Qui peut voir ce document ?"
        description={<p>La réponse des règles d&apos;accès du DMP, telles qu&apos;elles s&apos;appliquent maintenant à ce document.</p>}
        actions={<LinkButton href={`/patient/documents/${page.documentId}`} variant="secondary">Retour au document</LinkButton>}
      />
      <DocumentVisibility page={page} />
    </>
  );
}
