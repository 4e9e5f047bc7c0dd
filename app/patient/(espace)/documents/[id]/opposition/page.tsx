import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { ActionForm } from "@/components/ui/action-form";
import { OppositionForm } from "@/components/patient/opposition-form";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalDocument } from "@/lib/patient-portal";
import { opposeAction, withdrawOppositionAction } from "../../actions";

export const metadata: Metadata = { title: "Opposition à un document" };

/** Oppose a document for a legitimate reason, or withdraw an opposition made earlier. */

export default async function OppositionPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requirePatientActor();
  const { id } = await params;
  const doc = await portalDocument(actor, id);
  if (!doc) notFound();
  if (doc.isOpposed) {
    return (
      <>
        <PageHeader eyebrow={doc.title} title="Lever mon opposition" />
        <div className="flex max-w-3xl flex-col gap-4">
          {doc.oppositionReason ? <p>Motif de votre opposition : « {doc.oppositionReason} »</p> : null}
          <p>
            Si vous levez votre opposition, le document redevient visible par les professionnels autorisés à consulter votre dossier, selon leur
            profession et le masquage que vous avez choisi. Votre décision est tracée ; vous pourrez vous opposer de nouveau.
          </p>
          <div className="flex flex-wrap items-start gap-3">
            <ActionForm action={withdrawOppositionAction} fields={{ documentId: doc.id }} submitLabel="Confirmer la levée de l'opposition" />
            <LinkButton href={`/patient/documents/${doc.id}`} variant="secondary">
              Annuler
            </LinkButton>
          </div>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader eyebrow={doc.title} title="M'opposer à ce document" />
      <div className="flex max-w-3xl flex-col gap-4">
        <p>
          Vous pouvez vous opposer à la présence d&apos;un document dans votre DMP pour un motif légitime. Le document est alors retiré de la vue de
          tous les professionnels, y compris son auteur et votre médecin traitant ; vous continuez à le voir. Votre décision et son motif sont tracés.
          Vous pourrez lever votre opposition plus tard.
        </p>
        <OppositionForm action={opposeAction} documentId={doc.id} />
      </div>
    </>
  );
}
