import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalTraces } from "@/lib/patient-portal";
import { accessModeLabel, parseTraceFilters } from "@/lib/traces/find-traces";
import { traceActionLabel } from "@/lib/traces/trace-actions";
import { TraceActionOptions } from "@/components/ui/code-options";
import { tracedProfessionLabel } from "@/lib/reference/professions";

export const metadata: Metadata = { title: "Historique des accès" };

const CONTROL = "block w-full rounded-md border border-slate-600 bg-white px-3 py-2";

export default async function TracesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor } = await requirePatientActor();
  const raw = await searchParams;
  const single: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") single[k] = v;
  const filters = parseTraceFilters(single);
  const result = await portalTraces(actor, filters);
  const exportQuery = new URLSearchParams(Object.entries(single).filter(([k]) => k !== "page")).toString();
  return (
    <>
      <PageHeader
        title="Historique des accès"
        description={<p>Chaque consultation et chaque action sur votre dossier : qui, quand, quoi, et dans quel mode. Les accès en urgence sont signalés.</p>}
        actions={
          <a href={`/patient/historique/export${exportQuery ? `?${exportQuery}` : ""}`} className="inline-flex min-h-11 items-center rounded-md border-2 border-blue-800 bg-white px-4 font-semibold text-blue-800">
            Exporter en CSV
          </a>
        }
      />
      <form method="get" aria-label="Filtrer l'historique" className="mb-6 grid gap-4 rounded-lg border border-slate-300 bg-white p-4 md:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="actor" className="font-semibold">Professionnel</label>
          <input id="actor" name="actor" type="search" defaultValue={filters.actor ?? ""} aria-describedby="actor-hint" autoComplete="off" className={CONTROL} />
          <p id="actor-hint" className="text-sm text-slate-700">Nom ou prénom.</p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="action" className="font-semibold">Action</label>
          <select id="action" name="action" defaultValue={filters.action ?? ""} className={CONTROL}>
            <option value="">Toutes</option>
            {filters.action ? <option value={filters.action}>{traceActionLabel(filters.action)}</option> : null}
            <TraceActionOptions except={filters.action} />
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="mode" className="font-semibold">Mode d&apos;accès</label>
          <select id="mode" name="mode" defaultValue={filters.mode ?? ""} className={CONTROL}>
            <option value="">Tous</option>
            <option value="NORMAL">Normal</option>
            <option value="SAMU">SAMU-Centre 15</option>
            <option value="BREAK_GLASS">Bris de glace</option>
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
        <div className="flex flex-wrap items-end gap-3">
          <button type="submit" className="min-h-11 rounded-md border-2 border-blue-800 bg-blue-800 px-4 font-semibold text-white">Filtrer</button>
          <Link href="/patient/historique" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">Effacer les filtres</Link>
        </div>
      </form>
      <p className="mb-3" role="status">{result.total} accès ou action{result.total > 1 ? "s" : ""}.</p>
      <DataTable
        caption="Historique des accès au dossier"
        captionHidden
        rows={result.items}
        rowKey={(t) => String(t.id)}
        emptyText="Aucune trace ne correspond à ces critères."
        columns={[
          { key: "at", header: "Date et heure", cell: (t) => formatDateTime(t.at) },
          {
            key: "who",
            header: "Qui",
            isRowHeader: true,
            cell: (t) => ({
              parts: [t.actorName, ...[tracedProfessionLabel(t.actorProfession), t.actorStructure].map((note) => note && { note })],
            }),
          },
          { key: "what", header: "Action", cell: (t) => ({ parts: [t.actionLabel, t.detail && { note: t.detail }] }) },
          {
            key: "mode",
            header: "Mode",
            cell: (t) =>
              t.isEmergency
                ? {
                    parts: [
                      { badge: `Accès en urgence : ${accessModeLabel(t.mode)}`, tone: "danger" },
                      t.justification && t.mode === "BREAK_GLASS" && `Justification : ${t.justification}`,
                    ],
                  }
                : { parts: [accessModeLabel(t.mode), t.justification && { note: `Motif : ${t.justification}` }] },
          },
          {
            key: "outcome",
            header: "Résultat",
            // The reason says on what basis it was allowed (consent, care team, treating doctor…) or why refused.
            cell: (t) => ({
              parts: [t.outcome === "ALLOWED" ? { badge: "Autorisé", tone: "success" } : { badge: "Refusé", tone: "warning" }, t.reason && { note: t.reason }],
            }),
          },
        ]}
      />
      <Pagination currentPage={result.page} totalPages={result.pageCount} basePath="/patient/historique" searchParams={single} label="Pages de l'historique" />
    </>
  );
}
