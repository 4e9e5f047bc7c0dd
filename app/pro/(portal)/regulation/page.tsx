import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/pro/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { searchPatients } from "@/lib/pro/portal";
import { searchErrorMessage, ZPatientSearch, type TPatientSearchResult } from "@/lib/records/find-patients";
import { openInRegulationAction } from "./actions";

export const metadata: Metadata = { title: "Régulation SAMU-Centre 15" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(v: string | string[] | undefined): string {
  return typeof v === "string" ? v : "";
}

function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

function RegulationCell({ r }: { r: TPatientSearchResult }) {
  if (!r.patientId) return <span className="text-slate-700">Pas de dossier</span>;
  if (r.recordStatus === "CLOSED") return <Badge tone="warning">Dossier fermé</Badge>;
  return (
    <ActionForm action={openInRegulationAction.bind(null, r.patientId)} submitLabel={`Ouvrir le dossier en régulation : ${r.firstName} ${r.lastName}`} />
  );
}

/** The regulator's screen, built for a phone call: find the caller, open the record at once. */
export default async function RegulationPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireProfessionalActor();
  if (!actor.isSamuRegulator) notFound();
  const sp = await searchParams;
  const mode = one(sp.mode);
  let results: TPatientSearchResult[] | null = null;
  let error: string | null = null;
  if (mode === "ins" || mode === "name") {
    const parsed = ZPatientSearch.safeParse(
      mode === "ins"
        ? { mode, nir: one(sp.nir), birthDate: one(sp.birthDate), birthRank: one(sp.birthRank) || "1" }
        : { mode, lastName: one(sp.lastName), firstName: one(sp.firstName) || undefined, birthDate: one(sp.birthDate) },
    );
    if (!parsed.success) error = parsed.error.issues.map((i) => i.message).join(" ");
    else {
      try {
        results = await searchPatients(actor, parsed.data);
      } catch (e) {
        error = searchErrorMessage(e);
        if (!error) throw e;
      }
    }
  }
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
      <div className="grid gap-6 md:grid-cols-2">
        <form method="get" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5" aria-labelledby="regulation-par-ins">
          <h2 id="regulation-par-ins" className="text-lg font-semibold">
            Par INS
          </h2>
          <input type="hidden" name="mode" value="ins" />
          <InputField id="nir" name="nir" label="NIR (numéro de sécurité sociale)" hint="15 caractères, clé comprise." defaultValue={mode === "ins" ? one(sp.nir) : ""} required />
          <InputField id="ins-birthDate" name="birthDate" type="date" label="Date de naissance" defaultValue={mode === "ins" ? one(sp.birthDate) : ""} required />
          <InputField id="birthRank" name="birthRank" type="number" min={1} max={9} label="Rang de naissance" defaultValue={one(sp.birthRank) || "1"} required />
          <div>
            <Button type="submit">Rechercher par INS</Button>
          </div>
        </form>
        <form method="get" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5" aria-labelledby="regulation-par-nom">
          <h2 id="regulation-par-nom" className="text-lg font-semibold">
            Par nom et date de naissance
          </h2>
          <input type="hidden" name="mode" value="name" />
          <InputField id="lastName" name="lastName" label="Nom" defaultValue={mode === "name" ? one(sp.lastName) : ""} required />
          <InputField id="firstName" name="firstName" label="Prénom" defaultValue={mode === "name" ? one(sp.firstName) : ""} />
          <InputField id="name-birthDate" name="birthDate" type="date" label="Date de naissance du patient" defaultValue={mode === "name" ? one(sp.birthDate) : ""} required />
          <div>
            <Button type="submit">Rechercher par nom</Button>
          </div>
        </form>
      </div>
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
