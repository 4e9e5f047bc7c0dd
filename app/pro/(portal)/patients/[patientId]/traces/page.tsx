import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { tracesForTreatingDoctor, viewRecordHeader } from "@/lib/pro/portal";
import { traceActionLabel } from "@/lib/traces/trace-actions";
import { RecordHeader } from "../_sections/record-header";
import { RecordTabs } from "../_sections/record-tabs";

export const metadata: Metadata = { title: "Historique des accès des professionnels" };

const DATE_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
const MODES = { NORMAL: "Normal", SAMU: "SAMU-Centre 15", BREAK_GLASS: "Bris de glace" } as const;

type TProps = { params: Promise<{ patientId: string }>; searchParams: Promise<{ page?: string }> };

export default async function TreatingDoctorTracesPage({ params, searchParams }: TProps) {
  const actor = await requireProfessionalActor();
  const { patientId } = await params;
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const loaded = await nullWhenNotFound(() => Promise.all([viewRecordHeader(actor, patientId), tracesForTreatingDoctor(actor, patientId, page)]));
  if (!loaded) notFound();
  const [record, traces] = loaded;
  const base = `/pro/patients/${patientId}`;
  return (
    <>
      <RecordHeader record={record} base={base} />
      <RecordTabs base={base} current="historique" showReimbursements={record.access.maySeeReimbursements} showTraces={record.access.mayReadOtherProfessionalsTraces} />
      <PageHeader
        eyebrow="Médecin traitant"
        title="Historique des accès des autres professionnels"
        actions={<LinkButton href={`/pro/patients/${patientId}`} variant="secondary">Retour au dossier</LinkButton>}
      />
      <DataTable
        caption={`${traces.total} trace${traces.total > 1 ? "s" : ""}`}
        rows={traces.items}
        rowKey={(t) => String(t.id)}
        emptyText="Aucun accès d'un autre professionnel."
        columns={[
          { key: "at", header: "Date", cell: (t) => DATE_TIME.format(t.at) },
          { key: "who", header: "Professionnel", isRowHeader: true, cell: (t) => `${t.actorName}${t.actorStructure ? ` (${t.actorStructure})` : ""}` },
          { key: "what", header: "Action", cell: (t) => `${traceActionLabel(t.action)}${t.detail ? ` : ${t.detail}` : ""}` },
          {
            key: "mode",
            header: "Mode",
            cell: (t) =>
              t.mode === "NORMAL"
                ? MODES[t.mode]
                : { parts: [{ badge: `Accès en urgence : ${MODES[t.mode]}`, tone: "danger" }, t.justification && `Justification : ${t.justification}`] },
          },
          {
            key: "outcome",
            header: "Résultat",
            cell: (t) => ({ parts: [t.outcome === "ALLOWED" ? { badge: "Autorisé", tone: "success" } : { badge: "Refusé", tone: "danger" }] }),
          },
          { key: "reason", header: "Règle appliquée", cell: (t) => t.reason ?? "—" },
        ]}
      />
      <Pagination currentPage={page} totalPages={traces.pageCount} basePath={`/pro/patients/${patientId}/traces`} label="Pages de l'historique" />
    </>
  );
}
