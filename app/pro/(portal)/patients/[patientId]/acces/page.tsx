import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm, type TActionState } from "@/components/pro/action-form";
import { ChoiceField, InputField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor, requireProfessionalActor } from "@/lib/auth/pro/session";
import { declareConsent, getPatientIdentityForConsent } from "@/lib/pro/portal";
import { actionError } from "@/lib/pro/action-result";
import { ZConsentInput } from "@/lib/records/record-consent";

export const metadata: Metadata = { title: "Premier accès au dossier" };

type TParams = Promise<{ patientId: string }>;

export default async function FirstAccessPage({ params }: { params: TParams }) {
  const actor = await requireProfessionalActor();
  const { patientId } = await params;
  const patient = await getPatientIdentityForConsent(actor, patientId);
  if (!patient) notFound();
  const today = new Date().toISOString().slice(0, 10);

  async function consentAction(_state: TActionState, form: FormData): Promise<TActionState> {
    "use server";
    const me = await getProfessionalActor();
    if (!me) redirect("/pro/connexion");
    const parsed = ZConsentInput.safeParse({ hasConsent: form.get("hasConsent") === "oui", consentDate: form.get("consentDate") });
    if (!parsed.success) return { error: parsed.error.issues.map((i) => i.message).join(" ") };
    try {
      await declareConsent(me, patientId, parsed.data);
    } catch (error) {
      return actionError(error);
    }
    redirect(`/pro/patients/${patientId}`);
  }

  return (
    <>
      <PageHeader
        eyebrow="Premier accès"
        title={`Accès au dossier de ${patient.firstName} ${patient.lastName}`}
        description={<p>Vous n&apos;avez pas encore accédé à ce dossier. Le patient doit vous avoir donné son accord ; il sera informé de cette première consultation.</p>}
      />
      <ActionForm action={consentAction} submitLabel="Enregistrer le consentement et ouvrir le dossier" className="flex max-w-xl flex-col gap-5">
        <ChoiceField id="hasConsent" name="hasConsent" value="oui" type="checkbox" required label="Le patient m'a donné son accord pour accéder à son dossier" />
        <InputField id="consentDate" name="consentDate" type="date" label="Date du consentement" defaultValue={today} max={today} required />
      </ActionForm>
    </>
  );
}
