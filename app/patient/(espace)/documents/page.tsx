import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { LinkButton } from "@/components/ui/link-button";
import { Alert } from "@/components/ui/alert";
import { maskingBadges, SOURCE_LABELS } from "@/components/patient/masking-badges";
import { formatShortDay } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalDocuments } from "@/lib/patient-portal";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { DOCUMENT_CLASSES, documentTypeLabel } from "@/lib/reference/document-types";
import { DocumentTypeOptions } from "@/components/ui/code-options";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";

export const metadata: Metadata = { title: "Mes documents" };

type TSearch = Record<string, string | string[] | undefined>;

const CONTROL = "block w-full rounded-md border border-slate-600 bg-white px-3 py-2";

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const { actor } = await requirePatientActor();
  const raw = await searchParams;
  const single: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") single[k] = v;
  const filters = parseDocumentFilters(single);
  const result = await portalDocuments(actor, filters);
  const flash = single.message === "supprime" ? "Le document a été supprimé." : single.message === "ajoute" ? "Le document a été ajouté à votre espace personnel." : null;
  return (
    <>
      <PageHeader
        title="Mes documents"
        description={<p>{result.total} document{result.total > 1 ? "s" : ""}, du plus récent au plus ancien.</p>}
        actions={<LinkButton href="/patient/documents/ajouter">Ajouter un document</LinkButton>}
      />
      {flash ? <Alert tone="success" className="mb-6">{flash}</Alert> : null}
      <form method="get" className="mb-6 grid gap-4 rounded-lg border border-slate-300 bg-white p-4 md:grid-cols-3" aria-label="Filtrer les documents">
        <div className="flex flex-col gap-1">
          <label htmlFor="typeCode" className="font-semibold">Type de document</label>
          <select id="typeCode" name="typeCode" defaultValue={filters.typeCode ?? ""} className={CONTROL}>
            <option value="">Tous les types</option>
            {filters.typeCode ? <option value={filters.typeCode}>{documentTypeLabel(filters.typeCode)}</option> : null}
            <DocumentTypeOptions except={filters.typeCode} />
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="classCode" className="font-semibold">Classe</label>
          <select id="classCode" name="classCode" defaultValue={filters.classCode ?? ""} className={CONTROL}>
            <option value="">Toutes les classes</option>
            {Object.entries(DOCUMENT_CLASSES).map(([code, label]) => (
              <option key={code} value={code}>{label}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="author" className="font-semibold">Auteur</label>
          <input
            id="author"
            name="author"
            type="search"
            defaultValue={filters.author ?? ""}
            aria-describedby="author-hint"
            autoComplete="off"
            className={CONTROL}
          />
          <p id="author-hint" className="text-sm text-slate-700">Nom ou prénom.</p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="source" className="font-semibold">Source</label>
          <select id="source" name="source" defaultValue={filters.source ?? ""} className={CONTROL}>
            <option value="">Toutes les sources</option>
            {Object.entries(SOURCE_LABELS).map(([code, label]) => (
              <option key={code} value={code}>{label}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="font-semibold">Du</label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className={CONTROL} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="font-semibold">Au</label>
          <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className={CONTROL} />
        </div>
        <div className="flex flex-wrap gap-3 md:col-span-3">
          <button type="submit" className="min-h-11 rounded-md border-2 border-blue-800 bg-blue-800 px-4 font-semibold text-white">
            Filtrer
          </button>
          <Link href="/patient/documents" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
            Effacer les filtres
          </Link>
        </div>
      </form>
      <DataTable
        caption="Documents du dossier"
        captionHidden
        rows={result.items}
        rowKey={(d) => d.id}
        emptyText="Aucun document ne correspond à ces critères."
        columns={[
          { key: "date", header: "Date", cell: (d) => formatShortDay(d.serviceDate) },
          {
            key: "title",
            header: "Titre",
            isRowHeader: true,
            // A plain link: no client component nor prefetch per row (issue 14); the row header styles it.
            cell: (d) => ({ parts: [{ link: d.title, href: `/patient/documents/${d.id}` }] }),
          },
          { key: "type", header: "Type", cell: (d) => documentTypeLabel(d.typeCode) },
          {
            key: "author",
            header: "Auteur",
            cell: (d) =>
              d.authorName
                ? { parts: [d.authorName, { note: professionWithSpecialtyLabel(d.authorProfession, d.authorSpecialty) }] }
                : d.source === "PATIENT"
                  ? "Vous (espace personnel)"
                  : "—",
          },
          { key: "structure", header: "Structure", cell: (d) => d.structureName ?? "—" },
          { key: "source", header: "Source", cell: (d) => SOURCE_LABELS[d.source] },
          { key: "masking", header: "Visibilité", cell: (d) => ({ parts: maskingBadges(d) }) },
        ]}
      />
      <Pagination currentPage={result.page} totalPages={result.pageCount} basePath="/patient/documents" searchParams={single} label="Pages de documents" />
    </>
  );
}
