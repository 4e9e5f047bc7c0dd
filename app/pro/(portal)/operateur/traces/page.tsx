import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireOperator } from "@/lib/auth/pro/session";
import { operatorVerifyTraces } from "@/lib/pro/operator-traces";
import { SEAL_PROBLEM_LABELS, type TChainCheck } from "@/lib/traces/verify-traces";
import { plural } from "@/lib/text/french";

export const metadata: Metadata = { title: "Intégrité des traces" };

const NUMBER = new Intl.NumberFormat("fr-FR");
const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

function chainLabel(c: TChainCheck): string {
  return c.patientId === null ? "Chaîne de la plateforme" : `Dossier ${c.patientId}`;
}

/** "1re", "2e"…: a trace is feminine. */
function ordinal(n: number): string {
  return n === 1 ? "1re" : `${NUMBER.format(n)}e`;
}

function Hash({ value }: { value: string }) {
  return <code className="break-all text-xs">{value}</code>;
}

export default async function TraceIntegrityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireOperator();
  const run = (await searchParams).verifier === "1";
  const report = run ? await operatorVerifyTraces(actor) : null;
  return (
    <>
      <PageHeader
        eyebrow="Opérateur de la plateforme"
        title="Intégrité des traces"
        description={
          <p>
            Chaque trace porte l&apos;empreinte de la précédente du même dossier ; la base refuse toute modification ou suppression de trace, et la tête de
            chaque chaîne est scellée chaque minute par la signature de la plateforme. La vérification recalcule toutes les chaînes et les compare à leur dernier
            sceau (comme <code>npm run traces:verify</code>).
          </p>
        }
        actions={<Link href="/pro/operateur">Espace opérateur</Link>}
      />
      <form method="get" className="mb-8">
        <input type="hidden" name="verifier" value="1" />
        <Button type="submit">{run ? "Vérifier à nouveau" : "Vérifier toutes les chaînes"}</Button>
      </form>
      {report && (
        <section aria-labelledby="resultat" className="flex flex-col gap-4">
          <h2 id="resultat" className="text-2xl font-semibold">
            Résultat du {DATE.format(report.checkedAt)}
          </h2>
          <p>
            {NUMBER.format(report.chains)} chaînes vérifiées ({NUMBER.format(report.traces)} traces), dont {NUMBER.format(report.sealedChains)} scellées.{" "}
            {report.keyId ? `Empreinte de la clé de scellement : ${report.keyId}.` : "Clé de scellement absente : aucun sceau n'a encore été posé."}
          </p>
          {report.failures.length === 0 ? (
            <Alert tone="success" title="Toutes les chaînes sont intactes">
              Aucun maillon rompu{report.sealedChains > 0 ? ", et chaque chaîne scellée correspond à son dernier sceau" : ""}.
            </Alert>
          ) : (
            <>
              <Alert tone="danger" title={plural(report.failures.length, "chaîne en défaut", "chaînes en défaut")}>
                Une trace a été modifiée, supprimée ou insérée hors de l&apos;application : le premier maillon rompu de chaque chaîne est indiqué ci-dessous.
              </Alert>
              <Table caption="Chaînes en défaut">
                <THead>
                  <Tr>
                    <Th>Chaîne</Th>
                    <Th>Premier maillon rompu</Th>
                    <Th>Dernier sceau</Th>
                  </Tr>
                </THead>
                <TBody>
                  {report.failures.map((f) => (
                    <Tr key={f.patientId ?? "plateforme"}>
                      <Th scope="row">
                        {chainLabel(f)}
                        <br />
                        {NUMBER.format(f.traceCount)} traces
                      </Th>
                      <Td>
                        {f.brokenLink ? (
                          <dl>
                            <dt>Trace</dt>
                            <dd>
                              n° {f.brokenLink.traceId} ({ordinal(f.brokenLink.position)} de la chaîne)
                            </dd>
                            {f.brokenLink.foundPrevHash !== f.brokenLink.expectedPrevHash && (
                              <>
                                <dt>Empreinte précédente attendue / trouvée</dt>
                                <dd>
                                  <Hash value={f.brokenLink.expectedPrevHash} /> / <Hash value={f.brokenLink.foundPrevHash} />
                                </dd>
                              </>
                            )}
                            <dt>Empreinte attendue / trouvée</dt>
                            <dd>
                              <Hash value={f.brokenLink.expectedHash} /> / <Hash value={f.brokenLink.foundHash} />
                            </dd>
                          </dl>
                        ) : (
                          "Aucun"
                        )}
                      </Td>
                      <Td>
                        {f.seal
                          ? `Sceau n° ${f.seal.sealId} du ${DATE.format(f.seal.sealedAt)} (tête n° ${f.seal.lastTraceId}, ${NUMBER.format(f.seal.count)} traces, ${NUMBER.format(f.seal.foundCount)} trouvées) : ${f.seal.problem ? SEAL_PROBLEM_LABELS[f.seal.problem] : "conforme"}.`
                          : "Pas encore scellée"}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </>
          )}
        </section>
      )}
    </>
  );
}
