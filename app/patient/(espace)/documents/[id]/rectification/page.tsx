import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { RectificationForm } from "@/components/patient/rights-forms";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalDocument } from "@/lib/patient-portal";
import { rectificationAction } from "../../../droits/actions";

export const metadata: Metadata = { title: "Demander une rectification" };

export default async function RectificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requirePatientActor();
  const { id } = await params;
  const doc = await portalDocument(actor, id);
  if (!doc) notFound();
  return (
    <>
      <PageHeader
        eyebrow={doc.title}
        title="Demander une rectification"
        description={<p>Votre droit de rectification : l&apos;auteur du document{doc.authorName ? ` (${doc.authorName})` : ""} reçoit votre demande et y répond en corrigeant, en remplaçant le document ou en refusant avec un motif.</p>}
        actions={<LinkButton href={`/patient/documents/${doc.id}`} variant="secondary">Retour au document</LinkButton>}
      />
      <RectificationForm action={rectificationAction} documentId={doc.id} />
    </>
  );
}
