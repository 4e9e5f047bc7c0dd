import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import type { TFormState } from "@/components/ui/form-state";
import { InputField } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor, requireOperator } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/errors/action-result";
import { operatorMarkRecordCopySent, operatorRecordCopyRequests } from "@/lib/pro/rights";

export const metadata: Metadata = { title: "Copies par courrier recommandé" };

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

async function sentAction(requestId: string, _state: TFormState, form: FormData): Promise<TFormState> {
  "use server";
  const me = await getProfessionalActor();
  if (!me) redirect("/pro/connexion");
  try {
    await operatorMarkRecordCopySent(me, { requestId, trackingNumber: String(form.get("trackingNumber") ?? "") });
  } catch (error) {
    return actionError(error);
  }
  redirect("/pro/operateur/copies?envoye=1");
}

/** The operator's queue of record copies to send by registered mail (OPERATOR_ONLY). */
export default async function RecordCopiesPage({ searchParams }: { searchParams: Promise<{ envoye?: string }> }) {
  const actor = await requireOperator();
  const { envoye } = await searchParams;
  const requests = await operatorRecordCopyRequests(actor);
  return (
    <>
      <PageHeader eyebrow="Opérateur de la plateforme" title="Copies par courrier recommandé" actions={<LinkButton href="/pro/operateur" variant="secondary">Retour à l&apos;espace opérateur</LinkButton>} />
      {envoye ? <p role="status" className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3">Envoi enregistré : le patient en est informé.</p> : null}
      {requests.length === 0 ? <p>Aucune demande.</p> : null}
      <ul aria-label="Demandes de copie" className="flex flex-col gap-4">
        {requests.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-300 p-4">
            <h2 className="text-lg font-semibold">
              {r.patient.firstName} {r.patient.lastName} — demande du {DATE.format(r.createdAt)}
            </h2>
            <p className="whitespace-pre-line">{r.postalAddress}</p>
            {r.status === "PENDING" ? (
              <ActionForm action={sentAction.bind(null, r.id)} submitLabel="Marquer comme envoyée" className="mt-3 flex max-w-md flex-col gap-3">
                <InputField id={`tracking-${r.id}`} name="trackingNumber" label="Numéro du recommandé" required />
              </ActionForm>
            ) : (
              <p>Envoyée le {r.handledAt ? DATE.format(r.handledAt) : "—"}, recommandé n° {r.trackingNumber}.</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
