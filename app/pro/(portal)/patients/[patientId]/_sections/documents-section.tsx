import { ActionForm } from "@/components/ui/action-form";
import { InputField, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { DocumentTypeOptions } from "@/components/ui/code-options";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { DataCell } from "@/components/ui/table-rows";
import { CDA_MEDIA_TYPE } from "@/lib/cda/constants";
import type { TProfessionalRecord } from "@/lib/records/get-professional-record";
import { DOCUMENT_CLASSES, documentTypeLabel } from "@/lib/reference/document-types";
import { maskingLabels, NOT_MASKED_LABEL } from "@/lib/reference/masking";
import { revealDocumentAction } from "../actions";

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

/** The default section: filters (in the URL), one page of documents, pagination. */
export function DocumentsSection({ patientId, base, documents, query }: { patientId: string; base: string; documents: TProfessionalRecord["documents"]; query: Record<string, string> }) {
  const one = (k: string) => query[k] ?? "";
  const typeCode = one("typeCode");
  return (
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
          defaultValue={typeCode}
          options={typeCode ? [{ value: typeCode, label: documentTypeLabel(typeCode) }] : []}
        >
          <DocumentTypeOptions except={typeCode || undefined} />
        </SelectField>
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
            // Plain links: no client component nor prefetch per row (issue 14).
            cell: (d) => ({
              parts: [
                d.mediaType === CDA_MEDIA_TYPE
                  ? { link: d.title, href: `${base}/documents/${d.id}/apercu` }
                  : { link: d.title, href: `${base}/documents/${d.id}`, newTab: true },
                { note: documentTypeLabel(d.typeCode) },
              ],
            }),
          },
          { key: "author", header: "Auteur", cell: (d) => d.authorName ?? (d.source === "PATIENT" ? "Le patient" : d.structureName ?? "—") },
          {
            key: "masking",
            header: "Visibilité",
            cell: (d) => ({ parts: maskingLabels(d).map((l) => ({ badge: l, tone: l === NOT_MASKED_LABEL ? "neutral" : "warning" })) }),
          },
          {
            key: "actions",
            header: "Actions",
            cell: (d) => {
              const replace = d.mayReplace && { link: `Remplacer « ${d.title} »`, href: `${base}/documents/${d.id}/remplacer` };
              // Only the reveal button needs React elements; the other actions travel as data.
              if (!(d.hiddenFromPatient && d.status === "ACTIVE")) return { parts: [replace, d.status === "REPLACED" && { badge: "Remplacé", tone: "neutral" }] };
              return (
                <div className="flex flex-col gap-2">
                  <ActionForm action={revealDocumentAction.bind(null, patientId, d.id)} submitLabel={`Rendre visible au patient : ${d.title}`} variant="secondary" />
                  <DataCell parts={[replace]} />
                </div>
              );
            },
          },
        ]}
      />
      <Pagination currentPage={documents.page} totalPages={documents.pageCount} basePath={base} searchParams={query} label="Pages des documents" />
    </section>
  );
}
