import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { searchPatientsFromQuery } from "@/lib/pro/portal";
import type { TPatientSearchResult } from "@/lib/records/find-patients";
import { PatientSearchForms } from "@/components/pro/patient-search-forms";
import { ofName } from "@/lib/text/french";

export const metadata: Metadata = { title: "Rechercher un patient" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

function RecordCell({ r }: { r: TPatientSearchResult }) {
  if (!r.patientId) return <Badge>Pas de dossier</Badge>;
  return <Badge tone="success">Dossier existant</Badge>;
}

function ActionCell({ r }: { r: TPatientSearchResult }) {
  const who = `${r.firstName} ${r.lastName}`;
  if (!r.patientId) return <Link href={`/pro/creer-dossier?beneficiaire=${encodeURIComponent(r.beneficiaryId)}`}>Créer le DMP {ofName(who)}</Link>;
  if (r.access !== "NONE") {
    return <Link href={`/pro/patients/${r.patientId}`}>{`Ouvrir le dossier ${ofName(who)}${r.access === "EMERGENCY" ? " (accès d'urgence en cours)" : ""}`}</Link>;
  }
  return <Link href={`/pro/patients/${r.patientId}/acces`}>Premier accès au dossier {ofName(who)}</Link>;
}

export default async function ProSearchPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireProfessionalActor();
  const search = await searchPatientsFromQuery(actor, await searchParams);
  const { results, error } = search;
  return (
    <>
      <PageHeader eyebrow="Portail professionnel" title="Rechercher un patient" description={<p>Par INS (NIR, date et rang de naissance) ou par nom et date de naissance.</p>} />
      <PatientSearchForms search={search} headingIdPrefix="" />
      <section aria-labelledby="resultats" className="mt-8">
        <h2 id="resultats" className="mb-3 text-xl font-semibold">Résultats</h2>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {results ? (
          <DataTable
            caption={`${results.length} personne${results.length > 1 ? "s" : ""} trouvée${results.length > 1 ? "s" : ""}`}
            rows={results}
            rowKey={(r) => r.beneficiaryId}
            emptyText="Aucune personne ne correspond à cette recherche dans le registre de l'Assurance Maladie."
            columns={[
              { key: "name", header: "Patient", isRowHeader: true, cell: (r) => `${r.lastName.toUpperCase()} ${r.firstName}${r.birthName ? ` (nom de naissance : ${r.birthName})` : ""}` },
              { key: "birth", header: "Naissance", cell: (r) => `${formatDay(r.birthDate)} · rang ${r.birthRank}` },
              { key: "record", header: "Dossier", cell: (r) => <RecordCell r={r} /> },
              { key: "action", header: "Action", cell: (r) => <ActionCell r={r} /> },
            ]}
          />
        ) : !error ? (
          <p className="text-slate-700">Lancez une recherche.</p>
        ) : null}
      </section>
    </>
  );
}
