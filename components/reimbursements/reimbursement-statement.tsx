import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/link-button";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { viewStatement, type TStatementViewer } from "@/lib/reimbursements/statement-entry";
import { HOSPITAL_MARK_LEGEND, periodText, STATEMENT_NOTICE, STATEMENT_SECTIONS, STATEMENT_TITLE } from "@/lib/reimbursements/statement-layout";
import { STATEMENT_PARAM_NAMES, STATEMENT_PARAMS } from "@/lib/reimbursements/statement-query";

type TSearchParams = Record<string, string | string[] | undefined>;

const SNAPSHOT = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/**
 * The Assurance Maladie statement of a record (« Données de remboursement »), as the deck
 * lays it out: period, notice, sections and their columns, « H » lines. Self-contained:
 * given the record, the viewer (from the page's session) and the page's search parameters,
 * it asks lib/ for what the viewer may see, traced there. When the viewer may not see it,
 * it renders nothing at all, as if the record had no statement.
 */
export async function ReimbursementStatement({
  patientId,
  viewer,
  searchParams,
  fallback = null,
}: {
  patientId: string;
  viewer: TStatementViewer;
  searchParams: TSearchParams;
  /** What stands in its place when there is none, or the viewer may not see it (the same words for both). */
  fallback?: React.ReactNode;
}) {
  const statement = await viewStatement(viewer, patientId, searchParams);
  if (!statement) return fallback;
  const kept = Object.entries(searchParams).filter(([key]) => !STATEMENT_PARAM_NAMES.includes(key));
  const one = (key: string) => (statement.filterError ? "" : typeof searchParams[key] === "string" ? (searchParams[key] as string) : "");

  return (
    <section aria-labelledby="remboursements" className="mb-10 flex flex-col gap-6">
      <div>
        <h2 id="remboursements" className="text-2xl font-semibold">
          {STATEMENT_TITLE}
        </h2>
        <p className="mt-1 font-medium">{periodText(statement.window.from, statement.window.to)}</p>
        {statement.snapshotAt ? <p className="text-slate-700">Relevé de l&apos;Assurance Maladie mis à jour le {SNAPSHOT.format(statement.snapshotAt)}.</p> : null}
      </div>
      <div className="rounded-md border border-slate-300 bg-slate-50 p-4 text-sm text-slate-800">
        <p>{STATEMENT_NOTICE}</p>
        <p className="mt-2">{HOSPITAL_MARK_LEGEND}</p>
      </div>
      {statement.isLoading ? (
        <Alert tone="info">L&apos;historique des remboursements est en cours de chargement : l&apos;Assurance Maladie le transmet dans les heures qui suivent la création du dossier.</Alert>
      ) : null}
      {statement.alds.length > 0 ? (
        <Alert tone="info" title="Affection de longue durée">
          <p>Les soins de ce relevé laissent supposer une prise en charge au titre de :</p>
          <ul className="list-disc pl-6">
            {statement.alds.map((ald) => (
              <li key={ald}>{ald}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Filtrer le relevé de remboursements">
        {kept.flatMap(([key, value]) => (typeof value === "string" ? [value] : (value ?? [])).map((v, i) => <input key={`${key}-${i}`} type="hidden" name={key} value={v} />))}
        <SelectField
          id="remb-section"
          name={STATEMENT_PARAMS.section}
          label="Rubrique"
          defaultValue={one(STATEMENT_PARAMS.section)}
          options={[{ value: "", label: "Toutes les rubriques" }, ...STATEMENT_SECTIONS.map((s) => ({ value: s.slug, label: s.title }))]}
        />
        <InputField id="remb-du" name={STATEMENT_PARAMS.from} type="date" label="Du" defaultValue={one(STATEMENT_PARAMS.from)} />
        <InputField id="remb-au" name={STATEMENT_PARAMS.to} type="date" label="Au" defaultValue={one(STATEMENT_PARAMS.to)} />
        <Button type="submit" variant="secondary">
          Filtrer le relevé
        </Button>
        <LinkButton href={`${pageHref(1, { searchParams: Object.fromEntries(kept), pageParam: "" })}#remboursements`} variant="secondary">
          Tout le relevé
        </LinkButton>
      </form>
      {statement.filterError ? (
        <Alert tone="danger" title="Filtre non appliqué">
          {statement.filterError}
        </Alert>
      ) : null}
      {statement.period.from !== statement.window.from || statement.period.to !== statement.window.to ? <p>Lignes affichées : {periodText(statement.period.from, statement.period.to).replace("Période : ", "")}.</p> : null}

      {statement.sections.map(({ section, total, page, totalPages, lines }) => {
        const layout = STATEMENT_SECTIONS.find((s) => s.slug === section.slug)!;
        const pageParam = STATEMENT_PARAMS.page(section.slug);
        return (
          <section key={section.slug} id={`remb-${section.slug}`} aria-labelledby={`remb-titre-${section.slug}`} className="flex flex-col gap-3">
            <h3 id={`remb-titre-${section.slug}`} className="text-xl font-semibold">
              {section.title} <span className="text-base font-normal text-slate-700">({total} ligne{total > 1 ? "s" : ""})</span>
            </h3>
            <DataTable
              caption={`${section.title}${totalPages > 1 ? `, page ${page} sur ${totalPages}` : ""}`}
              captionHidden
              rows={lines}
              rowKey={(l) => l.id}
              emptyText={layout.emptyText}
              columns={[
                {
                  key: "h",
                  header: <abbr title="Délivré ou réalisé à l'hôpital ou en établissement">H</abbr>,
                  cell: (l) => (l.deliveredInHospital ? <abbr title="Délivré ou réalisé à l'hôpital ou en établissement">H</abbr> : ""),
                },
                ...layout.columns.map((c) => ({ key: c.key, header: c.header, cell: c.cell, isRowHeader: c.key === "label" })),
              ]}
            />
            <Pagination
              currentPage={page}
              totalPages={totalPages}
              hrefForPage={(p) => `${pageHref(p, { searchParams, pageParam })}#remb-${section.slug}`}
              label={`Pages de la rubrique ${section.title}`}
            />
          </section>
        );
      })}
    </section>
  );
}
