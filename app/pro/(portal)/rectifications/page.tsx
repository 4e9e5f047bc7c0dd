import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import type { TFormState } from "@/components/ui/form-state";
import { ChoiceField, Fieldset, TextareaField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor, requireProfessionalActor } from "@/lib/auth/pro/session";
import { actionError } from "@/lib/errors/action-result";
import { answerRectificationRequest, rectificationsAddressedTo } from "@/lib/pro/rights";
import { RECTIFICATION_ANSWERS } from "@/lib/rights/rectification";

export const metadata: Metadata = { title: "Demandes de rectification" };

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

async function answerAction(requestId: string, _state: TFormState, form: FormData): Promise<TFormState> {
  "use server";
  const me = await getProfessionalActor();
  if (!me) redirect("/pro/connexion");
  try {
    await answerRectificationRequest(me, { requestId, kind: String(form.get("kind") ?? ""), answer: String(form.get("answer") ?? "") });
  } catch (error) {
    return actionError(error);
  }
  redirect("/pro/rectifications?repondu=1");
}

/** The rectification requests patients addressed to this professional, as the author of a document. */
export default async function RectificationsPage({ searchParams }: { searchParams: Promise<{ repondu?: string }> }) {
  const actor = await requireProfessionalActor();
  const { repondu } = await searchParams;
  const requests = await rectificationsAddressedTo(actor);
  return (
    <>
      <PageHeader title="Demandes de rectification" description={<p>Les patients vous demandent de rectifier un document dont vous êtes l&apos;auteur. Répondez en corrigeant, en remplaçant le document (« Remplacer » dans le dossier) ou en refusant avec un motif.</p>} />
      {repondu ? <p role="status" className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3">Votre réponse est enregistrée et le patient en est informé.</p> : null}
      {requests.length === 0 ? <p>Aucune demande.</p> : null}
      <ul aria-label="Demandes reçues" className="flex flex-col gap-6">
        {requests.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-300 p-4">
            <h2 className="text-lg font-semibold">
              {r.patient.firstName} {r.patient.lastName} — « {r.document.title} »
            </h2>
            <p>Demande du {DATE.format(r.createdAt)} : « {r.text} »</p>
            <p>
              <Link href={`/pro/patients/${r.patientId}`} className="font-semibold text-blue-800 underline">Ouvrir le dossier</Link>
            </p>
            {r.status === "PENDING" ? (
              <ActionForm action={answerAction.bind(null, r.id)} submitLabel="Envoyer la réponse" className="mt-3 flex max-w-2xl flex-col gap-4">
                <Fieldset id={`kind-${r.id}`} legend="Votre réponse" required>
                  {(Object.keys(RECTIFICATION_ANSWERS) as (keyof typeof RECTIFICATION_ANSWERS)[]).map((kind) => (
                    <ChoiceField key={kind} id={`kind-${r.id}-${kind}`} type="radio" name="kind" value={kind} label={RECTIFICATION_ANSWERS[kind]} defaultChecked={kind === "CORRECTED"} />
                  ))}
                </Fieldset>
                <TextareaField id={`answer-${r.id}`} name="answer" label="Précisions pour le patient (ce qui a été corrigé, ou le motif du refus)" />
              </ActionForm>
            ) : (
              <p className="mt-2">
                <strong>{RECTIFICATION_ANSWERS[r.status]}</strong>
                {r.answeredAt ? ` le ${DATE.format(r.answeredAt)}` : ""}
                {r.answer ? ` : « ${r.answer} »` : ""}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
