import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { PersonalDocumentForm } from "@/components/patient/personal-document-form";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalDocument } from "@/lib/patient-portal";
import { PATIENT_DOCUMENT_TYPES, documentTypeLabel } from "@/lib/reference/document-types";
import { deletePersonalDocumentAction, updatePersonalDocumentAction } from "../../actions";

export const metadata: Metadata = { title: "Modifier un document" };

export default async function EditDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requirePatientActor();
  const { id } = await params;
  const doc = await portalDocument(actor, id);
  if (!doc || doc.source !== "PATIENT" || doc.authorAccountId !== actor.accountId) notFound();
  return (
    <>
      <PageHeader eyebrow="Espace personnel" title={`Modifier « ${doc.title} »`} />
      <PersonalDocumentForm
        action={updatePersonalDocumentAction}
        withFile={false}
        documentId={doc.id}
        submitLabel="Enregistrer les modifications"
        initial={{ title: doc.title, typeCode: doc.typeCode, serviceDate: doc.serviceDate.toISOString().slice(0, 10) }}
        types={PATIENT_DOCUMENT_TYPES.map((code) => ({ value: code, label: documentTypeLabel(code) }))}
      />
      <section aria-labelledby="suppression" className="mt-10 flex max-w-xl flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4">
        <h2 id="suppression" className="text-xl font-bold">Supprimer ce document</h2>
        <p>Le document sera définitivement retiré de votre dossier.</p>
        <ActionForm action={deletePersonalDocumentAction} fields={{ documentId: doc.id }} submitLabel="Supprimer définitivement" variant="danger" />
      </section>
    </>
  );
}
