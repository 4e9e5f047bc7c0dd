import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { LETTER_FORMATS } from "@/lib/feed/submit-hospital-letter";
import { DMP_EXPORT_NEXT_STEP, DMP_EXPORT_STATUS_LABELS, HOLD_BACK_REASONS, holdBackLabel } from "@/lib/hospital/export-status";
import { HOSPITAL_MASKING_HINTS, HOSPITAL_MASKING_LABELS, HOSPITAL_MASKINGS } from "@/lib/hospital/masking";
import { getHospitalDocument } from "@/lib/hospital/portal";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { ValidationForm } from "../../../../_components/validation-form";
import { validateAction } from "./actions";

export const metadata: Metadata = { title: "Document de l'établissement — simulateur hospitalier" };

const TONE = { FED_OK: "success", CERTIFICATION_KO: "danger", RECORD_NOT_FOUND: "warning", RECORD_CLOSED: "warning", REJECTED: "danger" } as const;

export default async function HospitalDocumentPage({ params }: { params: Promise<{ id: string; documentId: string }> }) {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const { id, documentId } = await params;
  const view = await getHospitalDocument(actor, id, documentId);
  if (!view) notFound();
  const { doc, patient, entry } = view;
  const isDraft = doc.status === "DRAFT";
  const statusTone = (TONE as Record<string, "success" | "danger" | "warning">)[doc.dmpStatus] ?? "info";
  return (
    <>
      <PageHeader
        eyebrow={`${view.structure.name} — ${patient.firstName} ${patient.lastName.toUpperCase()} (IPP ${patient.localId})`}
        title={isDraft ? `Brouillon : ${doc.title}` : doc.title}
        description={
          <p>
            {entry ? `${entry.name} — ` : ""}
            {documentTypeLabel(doc.typeCode)} ({doc.typeCode}) · auteur {view.authorName} · acte du {doc.serviceDate.split("-").reverse().join("/")}
          </p>
        }
        actions={
          <span className="flex gap-4">
            <Link href={`/hopital/patients/${patient.id}/suivi`}>Suivi export du dossier</Link>
            <Link href={`/hopital/patients/${patient.id}`}>Nouveau document</Link>
          </span>
        }
      />
      {!isDraft ? (
        <Alert tone={statusTone} title={`Document validé — ${DMP_EXPORT_STATUS_LABELS[doc.dmpStatus]}`}>
          <p>{doc.dmpStatus === "HELD_BACK" ? `Non envoyé au DMP : ${holdBackLabel(doc.holdReason, doc.holdText)}.` : (doc.dmpMessage ?? "")}</p>
          {DMP_EXPORT_NEXT_STEP[doc.dmpStatus] ? <p className="mt-2">À faire : {DMP_EXPORT_NEXT_STEP[doc.dmpStatus]}</p> : null}
          <p className="mt-2">Masquage : {HOSPITAL_MASKING_LABELS[doc.masking]}.</p>
        </Alert>
      ) : (
        <Alert tone="info" title="Brouillon enregistré">
          {view.mayValidate ? "Vérifiez le document puis validez-le." : `Le médecin auteur (${view.authorName}) valide ce document : l'envoi au DMP se fait à la validation.`}
        </Alert>
      )}
      <article aria-label="Contenu du document" className="my-6 max-w-3xl whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md border border-slate-300 bg-white p-4">
        {doc.body}
      </article>
      {isDraft && view.mayValidate ? (
        <ValidationForm
          action={validateAction}
          documentId={doc.id}
          structurePatientId={patient.id}
          notExportable={view.notExportable}
          greyedBecause={view.hasNir ? null : "Envoi impossible : le NIR du patient (n° INSEE et clé) n'est pas renseigné. Demandez son ajout aux admissions ; le document pourra être renvoyé une fois le NIR confirmé."}
          defaultTicked={doc.sendToDmp}
          defaultMasking={doc.masking}
          maskings={HOSPITAL_MASKINGS.map((m) => ({ value: m, label: HOSPITAL_MASKING_LABELS[m], hint: HOSPITAL_MASKING_HINTS[m] }))}
          reasons={Object.entries(HOLD_BACK_REASONS).map(([value, label]) => ({ value, label }))}
          formats={Object.entries(LETTER_FORMATS).map(([value, label]) => ({ value, label }))}
        />
      ) : null}
    </>
  );
}
