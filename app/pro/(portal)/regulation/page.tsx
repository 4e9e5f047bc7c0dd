import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { emergencyDoorDecision } from "@/lib/access/emergency-doors";
import { searchPatientsFromQuery } from "@/lib/pro/portal";
import type { TPatientSearchResult } from "@/lib/records/find-patients";
import { PatientSearchForms } from "@/components/pro/patient-search-forms";
import { openInRegulationAction } from "./actions";

export const metadata: Metadata = { title: "Régulation SAMU-Centre 15" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

function RegulationCell({ r }: { r: TPatientSearchResult }) {
  if (!r.patientId) return <span className="text-slate-700">Pas de dossier</span>;
  return (
    <ActionForm action={openInRegulationAction.bind(null, r.patientId)} submitLabel={`Ouvrir le dossier en régulation : ${r.firstName} ${r.lastName}`} />
  );
}

/** The regulator's screen, built for a phone call: find the caller, open the record at once. */
export default async function RegulationPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireProfessionalActor();
  if (!emergencyDoorDecision(actor, "SAMU").allowed) notFound();
  const search = await searchPatientsFromQuery(actor, await searchParams);
  const { results, error } = search;
  return (
    <>
      <PageHeader
        eyebrow="SAMU-Centre 15"
        title="Régulation SAMU-Centre 15"
        description={
          <p>
            Pendant l&apos;appel, retrouvez le patient par son INS ou par son nom et sa date de naissance, puis ouvrez son dossier
            immédiatement, sans consentement ni justification. L&apos;accès est tracé et le patient en est informé ; il est refusé si le
            patient s&apos;y est opposé.
          </p>
        }
      />
      <PatientSearchForms search={search} headingIdPrefix="regulation-" />
      <section aria-labelledby="regulation-resultats" className="mt-8">
        <h2 id="regulation-resultats" className="mb-3 text-xl font-semibold">
          Patients trouvés
        </h2>
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
              { key: "action", header: "Régulation", cell: (r) => <RegulationCell r={r} /> },
            ]}
          />
        ) : !error ? (
          <p className="text-slate-700">Lancez une recherche.</p>
        ) : null}
      </section>
    </>
  );
}
