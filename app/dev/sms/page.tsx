import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { MESSAGE_TIME, MessageCode, RecipientFilter } from "@/components/dev/dev-messages";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { headers } from "next/headers";
import { devNamespaceOf, findDevSms } from "@/lib/dev-tools/find-dev-messages";

export const metadata: Metadata = { title: "SMS envoyés (développement)" };

export default async function DevSmsPage({ searchParams }: { searchParams: Promise<{ destinataire?: string }> }) {
  await connection();
  if (!isDevToolsEnabled()) notFound();
  const { destinataire } = await searchParams;
  // X-DMP-Espace: that namespace's messages only; an unknown token is not found.
  const namespace = await devNamespaceOf(await headers());
  if (!namespace.ok) notFound();
  const messages = await findDevSms(typeof destinataire === "string" && destinataire !== "" ? destinataire : undefined, namespace.namespaceId);
  return (
    <>
      <PageHeader eyebrow="Outils de développement" title="SMS envoyés" description={<p>Aucun opérateur n&apos;est contacté : voici la file des SMS, du plus récent au plus ancien.</p>} />
      <RecipientFilter type="tel" defaultValue={destinataire} />
      {messages.length === 0 ? <Alert tone="info">Aucun SMS envoyé.</Alert> : null}
      <ol className="flex flex-col gap-4">
        {messages.map((m) => (
          <li key={m.id}>
            <article aria-label={`SMS au ${m.recipient}`} className="rounded-lg border border-slate-300 bg-white p-4" data-recipient={m.recipient}>
              <h2 className="text-lg font-semibold">SMS au {m.recipient}</h2>
              <p className="text-sm text-slate-700">{MESSAGE_TIME.format(m.createdAt)}</p>
              <MessageCode code={m.code} />
              <p className="mt-2">{m.body}</p>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
