import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { OppositionForm } from "@/components/patient/opposition-form";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalDocument } from "@/lib/patient-portal";
import { opposeAction } from "../../actions";

export const metadata: Metadata = { title: "Opposition à un document" };

export default async function OppositionPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requirePatientActor();
  const { id } = await params;
  const doc = await portalDocument(actor, id);
  if (!doc) notFound();
  return (
    <>
      <PageHeader eyebrow={doc.title} title="M'opposer à ce document" />
      <div className="flex max-w-3xl flex-col gap-4">
        <p>
          Vous pouvez vous opposer à la présence d&apos;un document dans votre DMP pour un motif légitime. Le document est alors retiré de la vue de
          tous les professionnels, y compris son auteur et votre médecin traitant ; vous continuez à le voir. Votre décision et son motif sont tracés.
        </p>
        {doc.isOpposed ? <Alert tone="info">Vous vous êtes déjà opposé à ce document.</Alert> : <OppositionForm action={opposeAction} documentId={doc.id} />}
      </div>
    </>
  );
}
