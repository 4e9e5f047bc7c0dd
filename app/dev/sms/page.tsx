import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { findDevSms } from "@/lib/dev-tools/find-dev-messages";

export const metadata: Metadata = { title: "SMS envoyés (développement)" };

const TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

export default async function DevSmsPage({ searchParams }: { searchParams: Promise<{ destinataire?: string }> }) {
  await connection();
  if (!isDevToolsEnabled()) notFound();
  const { destinataire } = await searchParams;
  const messages = await findDevSms(typeof destinataire === "string" && destinataire !== "" ? destinataire : undefined);
  return (
    <>
      <PageHeader eyebrow="Outils de développement" title="SMS envoyés" description={<p>Aucun opérateur n&apos;est contacté : voici la file des SMS, du plus récent au plus ancien.</p>} />
      <form className="mb-6 flex flex-wrap items-end gap-3" method="get">
        <div className="flex flex-col gap-1">
          <label htmlFor="destinataire" className="font-semibold">
            Destinataire
          </label>
          <input id="destinataire" name="destinataire" type="tel" defaultValue={destinataire} className="rounded-md border border-slate-600 px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded-md border-2 border-blue-800 bg-blue-800 px-4 font-semibold text-white">
          Filtrer
        </button>
      </form>
      {messages.length === 0 ? <Alert tone="info">Aucun SMS envoyé.</Alert> : null}
      <ol className="flex flex-col gap-4">
        {messages.map((m) => (
          <li key={m.id}>
            <article aria-label={`SMS au ${m.recipient}`} className="rounded-lg border border-slate-300 bg-white p-4" data-recipient={m.recipient}>
              <h2 className="text-lg font-semibold">SMS au {m.recipient}</h2>
              <p className="text-sm text-slate-700">{TIME.format(m.createdAt)}</p>
              {m.code ? (
                <p className="mt-2">
                  Code : <strong data-testid="code">{m.code}</strong>
                </p>
              ) : null}
              <p className="mt-2">{m.body}</p>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
