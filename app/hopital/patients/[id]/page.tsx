import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { InputField, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { LETTER_TEMPLATES } from "@/lib/feed/letter-templates";
import { getWriteForm } from "@/lib/hospital/portal";
import { NIR_DESKS } from "@/lib/hospital/nir-requests";
import { CATALOGUE_TYPE_CODES } from "@/lib/hospital/catalogue";
import { formatNir } from "@/lib/identity/nir";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { platformNow } from "@/lib/clock/clock";
import { ActionForm } from "@/components/ui/action-form";
import { DraftForm } from "../../_components/draft-form";
import { importAction, requestNirAction, saveDraftAction } from "./actions";
import { bornOn, sentenceCase } from "@/lib/text/french";

export const metadata: Metadata = { title: "Rédiger un document — simulateur hospitalier" };

/** Documents the establishment's software did not produce (deck: « CRU, CR imagerie, CR laboratoire anapath, document scanné importé »). */
const IMPORT_ORIGINS = [
  { value: "SCANNED:scanner de l'établissement", label: "Document scanné importé" },
  { value: "OTHER:logiciel d'imagerie", label: "Compte rendu d'imagerie (logiciel d'imagerie)" },
  { value: "OTHER:logiciel d'anatomopathologie", label: "Compte rendu d'anatomopathologie (logiciel du laboratoire)" },
  { value: "OTHER:logiciel des urgences", label: "CRU (logiciel des urgences)" },
];

export default async function HospitalWritePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const { id } = await params;
  const form = await getWriteForm(actor, id);
  if (!form) notFound();
  const { patient, structure, authors } = form;
  const now = platformNow();
  const today = now.toISOString().slice(0, 10);
  const authorLabel = (a: (typeof authors)[number]) => [a.title, a.firstName, a.lastName].filter(Boolean).join(" ");
  const defaultAuthor = authors.find((a) => a.id === actor.professionalId) ?? authors[0];
  const context = {
    patientName: `${patient.firstName} ${patient.lastName.toUpperCase()}`,
    birthDate: patient.birthDate,
    sex: patient.sex,
    authorName: defaultAuthor ? authorLabel(defaultAuthor) : "",
    structureName: structure.name,
    today: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(now),
  };
  const bodyFor = (typeCode: string) => (LETTER_TEMPLATES.find((t) => t.typeCode === typeCode) ?? LETTER_TEMPLATES.find((t) => t.id === "consultation"))!.body(context);
  const exported = form.catalogue.filter((e) => e.exported);
  return (
    <>
      <PageHeader
        eyebrow={`Simulateur hospitalier — ${structure.name}`}
        title={`Nouveau document pour ${patient.firstName} ${patient.lastName.toUpperCase()}`}
        description={
          <p>
            {sentenceCase(bornOn(patient.sex, patient.birthDate))} · IPP {patient.localId} · {patient.nir ? `INS ${formatNir(patient.nir)}, rang ${patient.birthRank}` : "identité provisoire, sans NIR"}
          </p>
        }
        actions={
          <span className="flex gap-4">
            <Link href={`/hopital/patients/${patient.id}/suivi`}>Suivi export du dossier</Link>
            <Link href="/hopital">Retour à la liste des patients</Link>
          </span>
        }
      />
      <ol className="mb-6 list-decimal pl-6">
        <li>Rédigez le document et enregistrez-le : la case « Envoi DMP » apparaît sur le brouillon.</li>
        <li>Le médecin auteur valide le document : l&apos;envoi au DMP se fait automatiquement à la validation.</li>
      </ol>
      {!form.hasNir ? (
        <section aria-labelledby="nir" className="mb-8 max-w-3xl">
          <Alert tone="warning" title="Envoi DMP impossible : NIR non renseigné">
            Sans NIR (n° INSEE et clé) dans les données du patient, la case « Envoi DMP » est grisée et les documents ne sont pas exportés. Identité confirmée ?
            Transmettez la copie de la carte Vitale et l&apos;étiquette IPP.
          </Alert>
          <h2 id="nir" className="mt-4 mb-2 text-xl font-semibold">
            Demander l&apos;ajout du NIR
          </h2>
          {form.pendingNir ? (
            <p>Demande en attente ({NIR_DESKS[form.pendingNir.desk as keyof typeof NIR_DESKS] ?? form.pendingNir.desk}).</p>
          ) : (
            <ActionForm action={requestNirAction} submitLabel="Transmettre la demande" label="Demander l'ajout du NIR">
              <input type="hidden" name="structurePatientId" value={patient.id} />
              <SelectField id="desk" name="desk" label="Bureau destinataire" options={Object.entries(NIR_DESKS).map(([value, label]) => ({ value, label }))} required />
              <InputField id="note" name="note" label="Note (facultative)" maxLength={300} />
            </ActionForm>
          )}
        </section>
      ) : null}
      {exported.length === 0 || authors.length === 0 ? (
        <Alert tone="warning">
          {authors.length === 0 ? "Aucun professionnel de l'établissement ne peut être auteur d'un document." : "Le catalogue de l'établissement n'exporte aucun document."}
        </Alert>
      ) : (
        <DraftForm
          action={saveDraftAction}
          structurePatientId={patient.id}
          catalogue={exported.map((e) => ({ id: e.id, name: e.name, typeLabel: `${documentTypeLabel(e.typeCode)} (${e.typeCode})`, title: e.name, body: bodyFor(e.typeCode), priority: form.priorityIds.includes(e.id) }))}
          priorityLabel={form.priority.label}
          authors={authors.map((a) => ({ id: a.id, label: authorLabel(a) }))}
          defaultAuthorId={defaultAuthor?.id ?? ""}
          today={today}
        />
      )}
      <section aria-labelledby="import" className="mt-10 max-w-3xl">
        <h2 id="import" className="mb-2 text-xl font-semibold">
          Importer un document externe (non exportable)
        </h2>
        <p className="mb-3">Seul un document produit par le logiciel de l&apos;établissement peut alimenter le DMP : un document importé reste dans le dossier de l&apos;établissement.</p>
        <ActionForm action={importAction} submitLabel="Importer le document" label="Importer un document externe">
          <input type="hidden" name="structurePatientId" value={patient.id} />
          <SelectField id="origin" name="origin" label="Origine" options={IMPORT_ORIGINS} required />
          <InputField id="import-title" name="title" label="Intitulé du document importé" required />
          <SelectField id="import-typeCode" name="typeCode" label="Type de document" options={CATALOGUE_TYPE_CODES.map((c) => ({ value: c, label: `${documentTypeLabel(c)} (${c})` }))} required />
          <InputField id="import-serviceDate" name="serviceDate" type="date" label="Date du document" defaultValue={today} max={today} required />
        </ActionForm>
      </section>
    </>
  );
}
