import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { devOpenEmergencyAccesses } from "@/lib/emergency/dev-emergency-tools";
import { expireEmergencyAccessAction } from "./actions";
import { ofName } from "@/lib/text/french";

export const metadata: Metadata = { title: "Accès en urgence ouverts (développement)" };

const DATE_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
const MODES = { SAMU: "SAMU-Centre 15", BREAK_GLASS: "Bris de glace" } as const;

/** Development tool: the open emergency accesses, and a button to make one expire now. */
export default async function DevEmergencyAccessesPage() {
  await connection();
  if (!isDevToolsEnabled()) notFound();
  const accesses = await devOpenEmergencyAccesses();
  return (
    <>
      <PageHeader
        eyebrow="Outils de développement"
        title="Accès en urgence ouverts"
        description={
          <p>
            Les accès SAMU-Centre 15 et bris de glace en cours, du plus proche de l&apos;expiration au plus lointain. « Faire expirer » simule
            l&apos;écoulement du temps : l&apos;accès prend fin maintenant, et le professionnel doit déclarer l&apos;urgence à nouveau.
          </p>
        }
      />
      {accesses.length === 0 ? <Alert tone="info">Aucun accès en urgence ouvert.</Alert> : null}
      {accesses.length > 0 ? (
        <DataTable
          caption={`${accesses.length} accès en urgence ouvert${accesses.length > 1 ? "s" : ""}`}
          rows={accesses}
          rowKey={(a) => a.id}
          emptyText="Aucun accès en urgence ouvert."
          columns={[
            { key: "pro", header: "Professionnel", isRowHeader: true, cell: (a) => a.professionalName },
            { key: "patient", header: "Patient", cell: (a) => a.patientName },
            { key: "mode", header: "Mode", cell: (a) => MODES[a.mode] },
            { key: "started", header: "Ouvert le", cell: (a) => DATE_TIME.format(a.startedAt) },
            { key: "expires", header: "Expire le", cell: (a) => DATE_TIME.format(a.expiresAt) },
            {
              key: "action",
              header: "Action",
              cell: (a) => (
                <form action={expireEmergencyAccessAction}>
                  <input type="hidden" name="id" value={a.id} />
                  <Button type="submit" variant="secondary" size="sm" aria-label={`Faire expirer l'accès ${ofName(a.professionalName)} au dossier ${ofName(a.patientName)}`}>
                    Faire expirer
                  </Button>
                </form>
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
