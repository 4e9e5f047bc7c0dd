import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { feedReportFor, reportStructures } from "@/lib/feed/hospital-portal";
import { isMonth, shareOf } from "@/lib/feed/feed-report";
import { FeedChart } from "../_components/feed-chart";
import { platformNow } from "@/lib/clock/clock";

export const metadata: Metadata = { title: "Rapports d'alimentation du DMP" };

const ZQuery = z.object({
  structure: z.string().max(64).optional(),
  du: z.string().refine(isMonth).optional().catch(undefined),
  au: z.string().refine(isMonth).optional().catch(undefined),
});

/** The report selector's value for a whole group ("groupe:GHU …"). */
const GROUP_PREFIX = "groupe:";
const PERCENT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const SHARES = [
  ["certificationKo", "Certification KO"],
  ["recordFound", "DMP trouvé"],
  ["recordNotFound", "DMP non trouvé"],
  ["fedOk", "Alimentation OK"],
] as const;

const MONTH_LABEL = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

function defaultPeriod(now: Date): { from: string; to: string } {
  const to = now.toISOString().slice(0, 7);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: start.toISOString().slice(0, 7), to };
}

export default async function FeedReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const query = ZQuery.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const structures = await reportStructures(actor);
  if (structures.length === 0) {
    return (
      <>
        <PageHeader eyebrow="Alimentation du DMP" title="Rapports d'alimentation" />
        <Alert tone="warning">Votre carte n&apos;est rattachée à aucune structure : aucun rapport à afficher.</Alert>
      </>
    );
  }
  const groups = [...new Set(structures.map((s) => s.groupName).filter((g): g is string => Boolean(g)))];
  const chosenGroup = query.structure?.startsWith(GROUP_PREFIX) ? groups.find((g) => `${GROUP_PREFIX}${g}` === query.structure) : undefined;
  const structure = structures.find((s) => s.id === query.structure) ?? structures[0];
  const sites = chosenGroup ? structures.filter((s) => s.groupName === chosenGroup) : [];
  const fallback = defaultPeriod(platformNow());
  let from = query.du ?? fallback.from;
  let to = query.au ?? fallback.to;
  if (from > to) [from, to] = [to, from];
  const report = await feedReportFor(actor, chosenGroup ? { kind: "group", groupName: chosenGroup } : { kind: "site", structureId: structure!.id }, { from, to });
  const subject = chosenGroup ? `Groupe ${chosenGroup}` : structure!.name;
  const columns = [
    ["sent", "Fichiers envoyés"],
    ["certificationKo", "Certification KO"],
    ["recordFound", "DMP trouvé"],
    ["recordNotFound", "DMP non trouvé"],
    ["fedOk", "Alimentation OK"],
    ["recordClosed", "DMP fermé"],
    ["rejected", "Rejetés"],
    ["recordsFed", "Dossiers distincts alimentés"],
  ] as const;
  return (
    <>
      <PageHeader
        eyebrow="Alimentation du DMP"
        title={`Rapports d'alimentation — ${subject}`}
        description={
          <p>
            Nombre de documents envoyés au DMP par mois et résultat de chaque envoi (
            {chosenGroup ? `${sites.length} sites : ${sites.map((s) => s.name).join(", ")}` : `FINESS ${structure!.finess}`}).
          </p>
        }
        actions={<Link href="/hopital">Retour au simulateur</Link>}
      />
      <form method="get" className="mb-8 flex flex-wrap items-end gap-4">
        {structures.length > 1 ? (
          <SelectField
            id="structure"
            name="structure"
            label="Site ou groupe"
            defaultValue={chosenGroup ? `${GROUP_PREFIX}${chosenGroup}` : structure!.id}
            options={[
              ...groups.map((g) => ({ value: `${GROUP_PREFIX}${g}`, label: `Groupe ${g} (tous les sites)` })),
              ...structures.map((s) => ({ value: s.id, label: `${s.name} (${s.finess})` })),
            ]}
          />
        ) : null}
        <InputField id="du" name="du" type="month" label="Du mois" defaultValue={report.from} />
        <InputField id="au" name="au" type="month" label="Au mois" defaultValue={report.to} />
        <Button type="submit" variant="secondary">
          Afficher
        </Button>
      </form>
      <div className="flex flex-col gap-8">
        <Table caption={`Envois au DMP par mois, de ${MONTH_LABEL.format(new Date(`${report.from}-01T00:00:00Z`))} à ${MONTH_LABEL.format(new Date(`${report.to}-01T00:00:00Z`))}`}>
          <THead>
            <Tr>
              <Th>Mois</Th>
              {columns.map(([key, label]) => (
                <Th key={key} className="text-right">
                  {label}
                </Th>
              ))}
            </Tr>
          </THead>
          <TBody>
            {report.months.map((m) => (
              <Tr key={m.month}>
                <Th scope="row">{MONTH_LABEL.format(new Date(`${m.month}-01T00:00:00Z`))}</Th>
                {columns.map(([key]) => (
                  <Td key={key} className="text-right tabular-nums">
                    {m[key]}
                  </Td>
                ))}
              </Tr>
            ))}
            <Tr>
              <Th scope="row">Total</Th>
              {columns.map(([key]) => (
                <Td key={key} className="text-right font-semibold tabular-nums" data-testid={`total-${key}`}>
                  {report.total[key]}
                </Td>
              ))}
            </Tr>
          </TBody>
        </Table>
        <FeedChart months={report.months} title="Envois et résultats par mois" />
        <Table caption={`Répartition en % des fichiers envoyés — ${subject}`}>
          <THead>
            <Tr>
              <Th>Mois</Th>
              {SHARES.map(([key, label]) => (
                <Th key={key} className="text-right">
                  {label}
                </Th>
              ))}
            </Tr>
          </THead>
          <TBody>
            {report.months.map((m) => (
              <Tr key={m.month}>
                <Th scope="row">{MONTH_LABEL.format(new Date(`${m.month}-01T00:00:00Z`))}</Th>
                {SHARES.map(([key]) => (
                  <Td key={key} className="text-right tabular-nums">
                    {m.sent === 0 ? "—" : `${PERCENT.format(shareOf(m[key], m.sent))} %`}
                  </Td>
                ))}
              </Tr>
            ))}
            <Tr>
              <Th scope="row">Bilan cumulé sur la période</Th>
              {SHARES.map(([key]) => (
                <Td key={key} className="text-right font-semibold tabular-nums" data-testid={`share-${key}`}>
                  {report.total.sent === 0 ? "—" : `${PERCENT.format(shareOf(report.total[key], report.total.sent))} %`}
                </Td>
              ))}
            </Tr>
          </TBody>
        </Table>
        <p className="text-sm text-slate-700">
          « DMP trouvé » compte les envois dont l&apos;identité a été certifiée et dont le dossier existe (alimentés, ou refusés car le dossier est fermé). « Rejetés » : lot invalide, type de document
          inconnu ou non autorisé, contenu trop volumineux. « Dossiers distincts alimentés » : nombre de DMP différents (NIR, date et rang de naissance) alimentés dans le
          mois ; au total, sur toute la période.
        </p>
      </div>
    </>
  );
}
