import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/pro/action-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { isAppError } from "@/lib/errors/app-error";
import { formatNir } from "@/lib/identity/nir";
import { viewRecord } from "@/lib/pro/portal";
import { CDA_MEDIA_TYPE } from "@/lib/cda/constants";
import { DOCUMENT_CLASSES, DOCUMENT_TYPES, documentTypeLabel } from "@/lib/reference/document-types";
import { maskingLabels } from "@/lib/reference/masking";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { blockProfessionalAction, revealDocumentAction, saveAllergyAction, saveTreatmentAction } from "./actions";
import { closeEmergencyAction } from "./acces/actions";
import { EmergencySummarySection } from "@/components/pro/emergency-summary";
import { ReimbursementStatement } from "@/components/reimbursements/reimbursement-statement";
import { HealthProfileSection } from "@/components/pro/health-profile-section";

export const metadata: Metadata = { title: "Dossier du patient" };

type TProps = { params: Promise<{ patientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

function day(d: string): string {
  const [y, m, dd] = d.split("-");
  return `${dd}/${m}/${y}`;
}

async function loadRecord(actor: Awaited<ReturnType<typeof requireProfessionalActor>>, patientId: string, sp: Record<string, string | string[] | undefined>) {
  try {
    return await viewRecord(actor, patientId, parseDocumentFilters(sp));
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ProRecordPage({ params, searchParams }: TProps) {
  const actor = await requireProfessionalActor();
  const { patientId } = await params;
  const sp = await searchParams;
  const record = await loadRecord(actor, patientId, sp);
  const { patient, documents, summary, access } = record;
  const base = `/pro/patients/${patientId}`;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");

  return (
    <>
      <PageHeader
        eyebrow="Dossier médical partagé"
        title={`${patient.lastName.toUpperCase()} ${patient.firstName}`}
        description={
          <p>
            {patient.sex === "F" ? "Née" : "Né"} le {day(patient.birthDate)} (rang {patient.birthRank}) · INS {formatNir(patient.nir)}
          </p>
        }
        actions={
          <>
            <LinkButton href={`${base}/ajouter-document`}>Ajouter un document</LinkButton>
            {access.mayReadOtherProfessionalsTraces ? (
              <LinkButton href={`${base}/traces`} variant="secondary">
                Historique des accès
              </LinkButton>
            ) : null}
          </>
        }
      />
      <p className="mb-6">
        <Badge tone="info">Accès : {access.description}</Badge>
      </p>

      {record.emergency ? (
        <EmergencySummarySection
          summary={record.emergency}
          documentHref={(documentId) => `${base}/documents/${documentId}`}
          closeAction={closeEmergencyAction.bind(null, patientId)}
        />
      ) : null}

      <section aria-labelledby="documents" className="mb-10">
        <h2 id="documents" className="mb-3 text-2xl font-semibold">
          Documents
        </h2>
        <form method="get" className="mb-4 grid gap-4 rounded-lg border border-slate-300 bg-white p-4 md:grid-cols-3" aria-label="Filtrer les documents">
          <SelectField
            id="typeCode"
            name="typeCode"
            label="Type"
            placeholder="Tous les types"
            defaultValue={one("typeCode")}
            options={DOCUMENT_TYPES.map((t) => ({ value: t.code, label: t.label }))}
          />
          <SelectField
            id="classCode"
            name="classCode"
            label="Classe"
            placeholder="Toutes les classes"
            defaultValue={one("classCode")}
            options={Object.entries(DOCUMENT_CLASSES).map(([value, label]) => ({ value, label }))}
          />
          <InputField id="author" name="author" type="search" label="Auteur (nom ou prénom)" defaultValue={one("author")} autoComplete="off" />
          <InputField id="from" name="from" type="date" label="Du" defaultValue={one("from")} />
          <InputField id="to" name="to" type="date" label="Au" defaultValue={one("to")} />
          <SelectField
            id="status"
            name="status"
            label="Version"
            defaultValue={one("status")}
            options={[
              { value: "", label: "Versions en vigueur" },
              { value: "REPLACED", label: "Versions remplacées" },
            ]}
          />
          <div className="md:col-span-3">
            <Button type="submit" variant="secondary">
              Filtrer
            </Button>
          </div>
        </form>
        <DataTable
          caption={`${documents.total} document${documents.total > 1 ? "s" : ""}`}
          rows={documents.items}
          rowKey={(d) => d.id}
          emptyText="Aucun document à afficher."
          columns={[
            { key: "date", header: "Date", cell: (d) => DATE.format(d.serviceDate) },
            {
              key: "title",
              header: "Document",
              isRowHeader: true,
              cell: (d) => (
                <>
                  {d.mediaType === CDA_MEDIA_TYPE ? (
                    <Link href={`${base}/documents/${d.id}/apercu`}>{d.title}</Link>
                  ) : (
                    <a href={`${base}/documents/${d.id}`} target="_blank" rel="noopener">
                      {d.title}
                    </a>
                  )}
                  <span className="block font-normal text-slate-700">{documentTypeLabel(d.typeCode)}</span>
                </>
              ),
            },
            { key: "author", header: "Auteur", cell: (d) => d.authorName ?? (d.source === "PATIENT" ? "Le patient" : d.structureName ?? "—") },
            {
              key: "masking",
              header: "Visibilité",
              cell: (d) => (
                <span className="flex flex-wrap gap-1">
                  {maskingLabels(d).map((l) => (
                    <Badge key={l} tone={l === "Non masqué" ? "neutral" : "warning"}>
                      {l}
                    </Badge>
                  ))}
                </span>
              ),
            },
            {
              key: "actions",
              header: "Actions",
              cell: (d) => (
                <div className="flex flex-col gap-2">
                  {d.hiddenFromPatient && d.status === "ACTIVE" ? (
                    <ActionForm action={revealDocumentAction.bind(null, patientId, d.id)} submitLabel={`Rendre visible au patient : ${d.title}`} variant="secondary" />
                  ) : null}
                  {d.mayReplace ? (
                    <Link href={`${base}/documents/${d.id}/remplacer`}>Remplacer « {d.title} »</Link>
                  ) : null}
                  {d.status === "REPLACED" ? <Badge>Remplacé</Badge> : null}
                </div>
              ),
            },
          ]}
        />
        <Pagination currentPage={documents.page} totalPages={documents.pageCount} basePath={base} searchParams={sp} label="Pages des documents" />
      </section>

      <section aria-labelledby="synthese" className="mb-10">
        <h2 id="synthese" className="mb-3 text-2xl font-semibold">
          Synthèse
        </h2>
        <div className="grid gap-5 md:grid-cols-2">
          <Card as="section" title="Allergies" headingLevel={3}>
            {summary.allergies.length === 0 ? <p>Aucune allergie connue.</p> : null}
            <ul className="flex flex-col gap-3">
              {summary.allergies.map((a) => (
                <li key={a.id}>
                  <strong>{a.substance}</strong>
                  {a.reaction ? ` — ${a.reaction}` : ""}
                  {a.severity ? ` (${a.severity})` : ""}
                  <details className="mt-1">
                    <summary>Modifier l&apos;allergie {a.substance}</summary>
                    <ActionForm action={saveAllergyAction.bind(null, patientId)} submitLabel="Enregistrer l'allergie">
                      <input type="hidden" name="id" value={a.id} />
                      <AllergyFields prefix={a.id} substance={a.substance} reaction={a.reaction} severity={a.severity} />
                    </ActionForm>
                  </details>
                </li>
              ))}
            </ul>
            <details>
              <summary>Ajouter une allergie</summary>
              <ActionForm action={saveAllergyAction.bind(null, patientId)} submitLabel="Ajouter l'allergie">
                <AllergyFields prefix="new" />
              </ActionForm>
            </details>
          </Card>
          <Card as="section" title="Traitements" headingLevel={3}>
            {summary.treatments.length === 0 ? <p>Aucun traitement renseigné.</p> : null}
            <ul className="flex flex-col gap-3">
              {summary.treatments.map((t) => (
                <li key={t.id}>
                  <strong>{t.medication}</strong> — {t.dosage} · depuis le {day(t.startDate)}
                  {t.endDate ? ` jusqu'au ${day(t.endDate)}` : ""}
                  <details className="mt-1">
                    <summary>Modifier le traitement {t.medication}</summary>
                    <ActionForm action={saveTreatmentAction.bind(null, patientId)} submitLabel="Enregistrer le traitement">
                      <input type="hidden" name="id" value={t.id} />
                      <TreatmentFields prefix={t.id} medication={t.medication} dosage={t.dosage} startDate={t.startDate} endDate={t.endDate} />
                    </ActionForm>
                  </details>
                </li>
              ))}
            </ul>
            <details>
              <summary>Ajouter un traitement</summary>
              <ActionForm action={saveTreatmentAction.bind(null, patientId)} submitLabel="Ajouter le traitement">
                <TreatmentFields prefix="new" />
              </ActionForm>
            </details>
          </Card>
          <Card as="section" title="Personnes à prévenir" headingLevel={3}>
            {summary.emergencyContacts.length === 0 ? <p>Aucune personne à prévenir.</p> : null}
            <ul>
              {summary.emergencyContacts.map((c) => (
                <li key={c.id}>
                  {c.name} ({c.relationship}) — {c.phone}
                </li>
              ))}
            </ul>
          </Card>
          <Card as="section" title="Équipe de soins" headingLevel={3}>
            <ul className="flex flex-col gap-2">
              {summary.careTeam.map((m) => (
                <li key={m.professionalId}>
                  {m.name} — {m.profession ? professionWithSpecialtyLabel(m.profession, m.specialty) : "Personnel d'établissement"}
                  {m.isTreatingDoctor ? " · médecin traitant" : ""}
                  {access.mayBlockAtPatientRequest && m.professionalId !== actor.professionalId ? (
                    <ActionForm action={blockProfessionalAction.bind(null, patientId, m.professionalId)} submitLabel={`Bloquer ${m.name} à la demande du patient`} variant="danger" />
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </section>

      <HealthProfileSection patientId={patientId} />

      <ReimbursementStatement patientId={patientId} viewer={{ actor }} searchParams={sp} />
    </>
  );
}

function AllergyFields({ prefix, substance, reaction, severity }: { prefix: string; substance?: string; reaction?: string | null; severity?: string | null }) {
  return (
    <>
      <InputField id={`allergy-${prefix}-substance`} name="substance" label="Substance" defaultValue={substance} required />
      <InputField id={`allergy-${prefix}-reaction`} name="reaction" label="Réaction" defaultValue={reaction ?? ""} />
      <SelectField
        id={`allergy-${prefix}-severity`}
        name="severity"
        label="Sévérité"
        placeholder="Non précisée"
        defaultValue={severity ?? ""}
        options={["légère", "modérée", "sévère"].map((s) => ({ value: s, label: s }))}
      />
    </>
  );
}

function TreatmentFields(p: { prefix: string; medication?: string; dosage?: string; startDate?: string; endDate?: string | null }) {
  return (
    <>
      <InputField id={`treatment-${p.prefix}-medication`} name="medication" label="Médicament" defaultValue={p.medication} required />
      <InputField id={`treatment-${p.prefix}-dosage`} name="dosage" label="Posologie" defaultValue={p.dosage} required />
      <InputField id={`treatment-${p.prefix}-start`} name="startDate" type="date" label="Début" defaultValue={p.startDate} required />
      <InputField id={`treatment-${p.prefix}-end`} name="endDate" type="date" label="Fin" defaultValue={p.endDate ?? ""} />
    </>
  );
}
