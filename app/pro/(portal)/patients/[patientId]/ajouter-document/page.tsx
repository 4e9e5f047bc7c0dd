import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import type { TFormState } from "@/components/ui/form-state";
import { DocumentFields } from "@/components/pro/document-fields";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor, requireProfessionalActor } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/errors/action-result";
import { authorableTypeOptions, parseDocumentForm } from "@/lib/pro/document-form";
import { addDocumentToRecord, viewRecordHeader } from "@/lib/pro/portal";
import { RecordHeader } from "../_sections/record-header";
import { notFound } from "next/navigation";
import { nullWhenNotFound } from "@/lib/errors/app-error";

export const metadata: Metadata = { title: "Ajouter un document" };

export default async function AddDocumentPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requireProfessionalActor();
  const { patientId } = await params;
  const types = authorableTypeOptions(actor.profession, actor.specialty);
  const record = await nullWhenNotFound(() => viewRecordHeader(actor, patientId));
  if (!record) notFound();

  async function addAction(_state: TFormState, form: FormData): Promise<TFormState> {
    "use server";
    const me = await getProfessionalActor();
    if (!me) redirect("/pro/connexion");
    const parsed = await parseDocumentForm(form);
    if (!parsed.ok) return { message: parsed.error };
    try {
      await addDocumentToRecord(me, patientId, parsed.input, parsed.content);
    } catch (error) {
      return actionError(error);
    }
    redirect(`/pro/patients/${patientId}`);
  }

  return (
    <>
      <RecordHeader record={record} base={`/pro/patients/${patientId}`} />
      <PageHeader title="Ajouter un document" actions={<LinkButton href={`/pro/patients/${patientId}`} variant="secondary">Retour au dossier</LinkButton>} />
      {types.length === 0 ? (
        <Alert tone="info">Votre profession ne dépose pas de document en son nom propre.</Alert>
      ) : (
        <ActionForm action={addAction} submitLabel="Valider et déposer le document" className="flex max-w-2xl flex-col gap-5" encType="multipart/form-data">
          <DocumentFields types={types} />
        </ActionForm>
      )}
    </>
  );
}
