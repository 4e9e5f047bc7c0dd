import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { MESSAGE_TIME, MessageCode, RecipientFilter } from "@/components/dev/dev-messages";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { headers } from "next/headers";
import { devNamespaceOf, findDevMails } from "@/lib/dev-tools/find-dev-messages";

export const metadata: Metadata = { title: "Courriels reçus (développement)" };

export default async function DevMailsPage({ searchParams }: { searchParams: Promise<{ destinataire?: string }> }) {
  await connection();
  if (!isDevToolsEnabled()) notFound();
  const { destinataire } = await searchParams;
  // X-DMP-Espace: that namespace's messages only; an unknown token is not found.
  const namespace = await devNamespaceOf(await headers());
  if (!namespace.ok) notFound();
  const mails = await findDevMails(typeof destinataire === "string" && destinataire !== "" ? destinataire : undefined, namespace.namespaceId);
  return (
    <>
      <PageHeader
        eyebrow="Outils de développement"
        title="Boîte de réception des courriels"
        description={<p>Courriels reçus par le serveur SMTP embarqué, du plus récent au plus ancien.</p>}
      />
      <RecipientFilter type="email" defaultValue={destinataire} />
      {mails.length === 0 ? <Alert tone="info">Aucun courriel reçu.</Alert> : null}
      <ol className="flex flex-col gap-4">
        {mails.map((m) => (
          <li key={m.id}>
            <article aria-label={`Courriel à ${m.recipient}`} className="rounded-lg border border-slate-300 bg-white p-4" data-recipient={m.recipient}>
              <h2 className="text-lg font-semibold">{m.subject || "(sans objet)"}</h2>
              <p className="text-sm text-slate-700">
                À {m.recipient} · de {m.sender} · {MESSAGE_TIME.format(m.receivedAt)}
              </p>
              <MessageCode code={m.code} />
              <pre className="mt-2 whitespace-pre-wrap text-sm">{m.text}</pre>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
