import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import type { TFormState } from "@/components/ui/form-state";
import { DocumentFields } from "@/components/pro/document-fields";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor, requireProfessionalActor } from "@/lib/auth/pro/session";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { actionError } from "@/lib/errors/action-result";
import { authorableTypeOptions, parseDocumentForm } from "@/lib/pro/document-form";
import { getDocumentForReplacement, replaceDocumentInRecord } from "@/lib/pro/portal";
import { RecordHeader } from "../../../_sections/record-header";

export const metadata: Metadata = { title: "Remplacer un document" };

type TProps = { params: Promise<{ patientId: string; documentId: string }> };

export default async function ReplaceDocumentPage({ params }: TProps) {
  const actor = await requireProfessionalActor();
  const { patientId, documentId } = await params;
  const doc = await nullWhenNotFound(() => getDocumentForReplacement(actor, patientId, documentId));
  if (!doc) notFound();

  async function replaceAction(_state: TFormState, form: FormData): Promise<TFormState> {
    "use server";
    const me = await getProfessionalActor();
    if (!me) redirect("/pro/connexion");
    const parsed = await parseDocumentForm(form);
    if (!parsed.ok) return { message: parsed.error };
    try {
      await replaceDocumentInRecord(me, patientId, documentId, parsed.input, parsed.content);
    } catch (error) {
      return actionError(error);
    }
    redirect(`/pro/patients/${patientId}`);
  }

  return (
    <>
      <RecordHeader record={doc.record} base={`/pro/patients/${patientId}`} />
      <PageHeader
       
        title={`Nouvelle version de « ${doc.title} »`}
        description={<p>L&apos;ancienne version est conservée et marquée comme remplacée.</p>}
        actions={<LinkButton href={`/pro/patients/${patientId}`} variant="secondary">Retour au dossier</LinkButton>}
      />
      <ActionForm action={replaceAction} submitLabel="Valider la nouvelle version" className="flex max-w-2xl flex-col gap-5" encType="multipart/form-data">
        <DocumentFields types={authorableTypeOptions(actor.profession, actor.specialty)} defaults={{ typeCode: doc.typeCode, title: doc.title }} />
      </ActionForm>
    </>
  );
}
