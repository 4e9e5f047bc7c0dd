import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireOperator } from "@/lib/auth/pro/session";
import { nationalStatsFor } from "@/lib/feed/hospital-portal";

export const metadata: Metadata = { title: "Statistiques nationales du DMP" };

const NUMBER = new Intl.NumberFormat("fr-FR");

export default async function NationalStatsPage() {
  const actor = await requireOperator();
  const stats = await nationalStatsFor(actor);
  const n = stats.national;
  return (
    <>
      <PageHeader
        eyebrow="Opérateur de la plateforme"
        title="Statistiques nationales"
        description={<p>Dossiers ouverts par département rapportés à la population : chiffres publiés au 9 août 2020, puis décompte en direct de la base du simulateur.</p>}
        actions={
          <>
            <Link href="/pro/operateur">Espace opérateur</Link>
            <Link href="/hopital/rapports">Rapports d&apos;alimentation par structure</Link>
          </>
        }
      />
      <section aria-labelledby="national" className="mb-8">
        <h2 id="national" className="mb-2 text-2xl font-semibold">
          France entière
        </h2>
        <p>
          Au 9 août 2020 : {NUMBER.format(n.records)} DMP ouverts pour {NUMBER.format(n.population)} habitants, soit {NUMBER.format(n.rate)} %. Dans le simulateur aujourd&apos;hui :{" "}
          {NUMBER.format(n.liveOpen)} dossiers ouverts, {NUMBER.format(n.liveClosed)} fermés.
        </p>
      </section>
      <Table caption="Dossiers par département">
        <THead>
          <Tr>
            <Th>Département</Th>
            <Th className="text-right">DMP ouverts au 09/08/2020</Th>
            <Th className="text-right">Population</Th>
            <Th className="text-right">Taux 2020</Th>
            <Th className="text-right">Ouverts (simulateur)</Th>
            <Th className="text-right">Fermés (simulateur)</Th>
          </Tr>
        </THead>
        <TBody>
          {stats.departments.map((d) => (
            <Tr key={d.code}>
              <Th scope="row">
                {d.code} — {d.name}
              </Th>
              <Td className="text-right tabular-nums">{d.baselineRecords === null ? "—" : NUMBER.format(d.baselineRecords)}</Td>
              <Td className="text-right tabular-nums">{d.population === null ? "—" : NUMBER.format(d.population)}</Td>
              <Td className="text-right tabular-nums">{d.baselineRate === null ? "—" : `${NUMBER.format(d.baselineRate)} %`}</Td>
              <Td className="text-right tabular-nums">{NUMBER.format(d.liveOpen)}</Td>
              <Td className="text-right tabular-nums">{NUMBER.format(d.liveClosed)}</Td>
            </Tr>
          ))}
          {stats.areas.map((a) => (
            <Tr key={a.label}>
              <Th scope="row">{a.label}</Th>
              <Td className="text-right tabular-nums">{NUMBER.format(a.records)}</Td>
              <Td className="text-right tabular-nums">{NUMBER.format(a.population)}</Td>
              <Td className="text-right tabular-nums">{`${NUMBER.format(a.rate)} %`}</Td>
              <Td className="text-right tabular-nums">{NUMBER.format(a.liveOpen)}</Td>
              <Td className="text-right tabular-nums">{NUMBER.format(a.liveClosed)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <p className="mt-4 text-sm text-slate-700">
        « — » : département absent du tableau de la présentation de l&apos;AP-HP (août 2020), qui ne détaille que l&apos;Île-de-France ; le simulateur n&apos;en montre que les chiffres vivants.
      </p>
    </>
  );
}
