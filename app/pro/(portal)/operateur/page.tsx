import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requireOperator } from "@/lib/auth/pro/session";
import { operatorMatrixLines } from "@/lib/pro/operator";
import { PROFESSION_CODES, PROFESSIONS, SPECIALTY_CODES, SPECIALTIES, professionWithSpecialtyLabel } from "@/lib/reference/professions";

export const metadata: Metadata = { title: "Espace opérateur" };

function lineLabel(line: string): string {
  const [p, s] = line.split("/") as [string, string];
  return `${line} — ${s === "*" ? `${professionWithSpecialtyLabel(p)} (toutes spécialités)` : professionWithSpecialtyLabel(p, s)}`;
}

export default async function OperatorHomePage() {
  const actor = await requireOperator();
  const lines = await operatorMatrixLines(actor);
  const doctorLines = SPECIALTY_CODES.map((s) => `10/${s}`).filter((l) => !lines.includes(l));
  return (
    <>
      <PageHeader eyebrow="Opérateur de la plateforme" title="Espace opérateur" description={<p>Matrice d&apos;habilitations, opposition des cartes CPS, statistiques et intégrité des traces.</p>} />
      <section aria-labelledby="matrice" className="mb-10 flex flex-col gap-4">
        <h2 id="matrice" className="text-2xl font-semibold">
          Matrice d&apos;habilitations
        </h2>
        <p>Chaque ligne dit, pour une profession (ou une spécialité), quels types de documents peuvent être lus. Une ligne de spécialité l&apos;emporte sur celle de la profession.</p>
        <ul className="list-disc pl-6">
          {lines.map((l) => (
            <li key={l}>
              <Link href={`/pro/operateur/matrice?ligne=${encodeURIComponent(l)}`}>Modifier la ligne {lineLabel(l)}</Link>
            </li>
          ))}
        </ul>
        <form method="get" action="/pro/operateur/matrice" className="flex max-w-xl flex-col gap-3">
          <SelectField
            id="ligne"
            name="ligne"
            label="Créer une ligne de spécialité"
            options={doctorLines.map((l) => ({ value: l, label: lineLabel(l) }))}
          />
          <div>
            <Button type="submit" variant="secondary">
              Ouvrir la ligne
            </Button>
          </div>
        </form>
        <p className="text-sm text-slate-700">
          Professions : {PROFESSION_CODES.map((c) => `${c} ${PROFESSIONS[c]}`).join(" · ")}. Spécialités : {SPECIALTY_CODES.map((c) => `${c} ${SPECIALTIES[c]}`).join(" · ")}.
        </p>
      </section>
      <section aria-labelledby="cartes">
        <h2 id="cartes" className="mb-3 text-2xl font-semibold">
          Cartes CPS
        </h2>
        <Link href="/pro/operateur/cartes">Gérer les cartes CPS (opposition)</Link> · <Link href="/pro/operateur/copies">Copies de dossiers par courrier recommandé</Link>
      </section>
      <section aria-labelledby="statistiques" className="mt-10">
        <h2 id="statistiques" className="mb-3 text-2xl font-semibold">
          Statistiques et alimentation
        </h2>
        <ul className="list-disc pl-6">
          <li>
            <Link href="/pro/operateur/statistiques">Statistiques nationales (DMP ouverts par département)</Link>
          </li>
          <li>
            <Link href="/hopital/rapports">Rapports d&apos;alimentation des établissements</Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="traces" className="mt-10">
        <h2 id="traces" className="mb-3 text-2xl font-semibold">
          Traces
        </h2>
        <Link href="/pro/operateur/traces">Vérifier l&apos;intégrité des traces (chaînes et sceaux)</Link>
      </section>
    </>
  );
}
