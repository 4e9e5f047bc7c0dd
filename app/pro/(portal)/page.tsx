import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { searchPatients } from "@/lib/pro/portal";
import { searchErrorMessage, ZPatientSearch, type TPatientSearchResult } from "@/lib/records/find-patients";

export const metadata: Metadata = { title: "Rechercher un patient" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(v: string | string[] | undefined): string {
  return typeof v === "string" ? v : "";
}

function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

function RecordCell({ r }: { r: TPatientSearchResult }) {
  if (!r.patientId) return <Badge>Pas de dossier</Badge>;
  if (r.recordStatus === "CLOSED") return <Badge tone="warning">Dossier fermé</Badge>;
  return <Badge tone="success">Dossier existant</Badge>;
}

function ActionCell({ r }: { r: TPatientSearchResult }) {
  const who = `${r.firstName} ${r.lastName}`;
  if (!r.patientId) return <Link href={`/pro/creer-dossier?beneficiaire=${encodeURIComponent(r.beneficiaryId)}`}>Créer le DMP de {who}</Link>;
  if (r.access !== "NONE") return <Link href={`/pro/patients/${r.patientId}`}>Ouvrir le dossier de {who}</Link>;
  return <Link href={`/pro/patients/${r.patientId}/acces`}>Premier accès au dossier de {who}</Link>;
}

export default async function ProSearchPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireProfessionalActor();
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
      <PageHeader eyebrow="Portail professionnel" title="Rechercher un patient" description={<p>Par INS (NIR, date et rang de naissance) ou par nom et date de naissance.</p>} />
      <div className="grid gap-6 md:grid-cols-2">
        <form method="get" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5" aria-labelledby="par-ins">
          <h2 id="par-ins" className="text-lg font-semibold">Par INS</h2>
          <input type="hidden" name="mode" value="ins" />
          <InputField id="nir" name="nir" label="NIR (numéro de sécurité sociale)" hint="15 caractères, clé comprise." defaultValue={mode === "ins" ? one(sp.nir) : ""} required />
          <InputField id="ins-birthDate" name="birthDate" type="date" label="Date de naissance" defaultValue={mode === "ins" ? one(sp.birthDate) : ""} required />
          <InputField id="birthRank" name="birthRank" type="number" min={1} max={9} label="Rang de naissance" defaultValue={one(sp.birthRank) || "1"} required />
          <div>
            <Button type="submit">Rechercher par INS</Button>
          </div>
        </form>
        <form method="get" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5" aria-labelledby="par-nom">
          <h2 id="par-nom" className="text-lg font-semibold">Par nom et date de naissance</h2>
          <input type="hidden" name="mode" value="name" />
          <InputField id="lastName" name="lastName" label="Nom" defaultValue={mode === "name" ? one(sp.lastName) : ""} required />
          <InputField id="firstName" name="firstName" label="Prénom" defaultValue={mode === "name" ? one(sp.firstName) : ""} />
          <InputField id="name-birthDate" name="birthDate" type="date" label="Date de naissance du patient" defaultValue={mode === "name" ? one(sp.birthDate) : ""} required />
          <div>
            <Button type="submit">Rechercher par nom</Button>
          </div>
        </form>
      </div>
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
