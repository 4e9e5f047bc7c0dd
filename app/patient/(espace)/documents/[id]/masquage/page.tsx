import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { ActionForm } from "@/components/ui/action-form";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalDocument } from "@/lib/patient-portal";
import { setMaskedAction } from "../../actions";

export const metadata: Metadata = { title: "Masquage d'un document" };

export default async function MaskingPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requirePatientActor();
  const { id } = await params;
  const doc = await portalDocument(actor, id);
  if (!doc) notFound();
  const willMask = !doc.hiddenFromPros;
  return (
    <>
      <PageHeader eyebrow={doc.title} title={willMask ? "Masquer ce document aux professionnels" : "Ne plus masquer ce document"} />
      <div className="flex max-w-3xl flex-col gap-4 text-slate-800">
        {willMask ? (
          <>
            <p>Une fois masqué, ce document n&apos;apparaît plus aux professionnels de santé qui consultent votre dossier.</p>
            <p className="font-semibold">Le verront toujours :</p>
            <ul className="list-disc pl-6">
              <li>{doc.authorName ? `son auteur (${doc.authorName})` : "son auteur"} ;</li>
              <li>votre médecin traitant ;</li>
              <li>vous-même{actor.kind === "LEGAL_REPRESENTATIVE" ? " et les représentants légaux" : ""}.</li>
            </ul>
            <p>En cas d&apos;urgence, un document masqué reste invisible aux professionnels qui accèdent en bris de glace ou par le SAMU-Centre 15. Vous pouvez lever le masquage à tout moment.</p>
          </>
        ) : (
          <p>Le document redeviendra visible par tous les professionnels autorisés à consulter votre dossier, selon leur profession.</p>
        )}
        <div className="flex flex-wrap items-start gap-3">
          <ActionForm
            action={setMaskedAction}
            fields={{ documentId: doc.id, masquer: willMask ? "1" : "0" }}
            submitLabel={willMask ? "Confirmer le masquage" : "Confirmer le démasquage"}
          />
          <LinkButton href={`/patient/documents/${doc.id}`} variant="secondary">
            Annuler
          </LinkButton>
        </div>
      </div>
    </>
  );
}
