import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { PersonalDocumentForm } from "@/components/patient/personal-document-form";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalRecordOverview } from "@/lib/patient-portal";
import { PATIENT_DOCUMENT_TYPES, documentTypeLabel } from "@/lib/reference/document-types";
import { addPersonalDocumentAction } from "../actions";

export const metadata: Metadata = { title: "Ajouter un document" };

export default async function AddDocumentPage() {
  const { actor } = await requirePatientActor();
  const overview = await portalRecordOverview(actor);
  return (
    <>
      <PageHeader
        eyebrow="Espace personnel"
        title="Ajouter un document"
        description={<p>Ajoutez vos propres documents (directives anticipées, résultats, certificats…). Ils sont visibles par les professionnels autorisés, sauf si vous les masquez.</p>}
      />
      {overview.recordStatus === "CLOSED" ? (
        <Alert tone="warning">Votre dossier est fermé : réactivez-le pour ajouter des documents.</Alert>
      ) : (
        <PersonalDocumentForm
          action={addPersonalDocumentAction}
          withFile
          submitLabel="Ajouter le document"
          types={PATIENT_DOCUMENT_TYPES.map((code) => ({ value: code, label: documentTypeLabel(code) }))}
        />
      )}
    </>
  );
}
