import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import type { TFormState } from "@/components/ui/form-state";
import { BreakGlassForm } from "@/components/pro/break-glass-form";
import { Alert } from "@/components/ui/alert";
import { ChoiceField, InputField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor, requireProfessionalActor } from "@/lib/auth/pro/session";
import { careTeamPresumptionFor, declareCareTeamAccess, declareConsent, getPatientIdentityForConsent } from "@/lib/pro/portal";
import { actionError } from "@/lib/errors/action-result";
import { ZConsentInput } from "@/lib/records/record-consent";
import { emergencyAccessMinutes } from "@/lib/emergency/emergency-duration";
import { emergencyDoorDecision } from "@/lib/access/emergency-doors";
import { breakGlassAction } from "./actions";
import { platformNow } from "@/lib/clock/clock";
import { ofName } from "@/lib/text/french";

export const metadata: Metadata = { title: "Premier accès au dossier" };

function emergencyMinutesLabel(): string {
  const minutes = emergencyAccessMinutes();
  if (minutes % 60 === 0) return `${minutes / 60} heure${minutes > 60 ? "s" : ""}`;
  return `${minutes} minutes`;
}

type TParams = Promise<{ patientId: string }>;
type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function FirstAccessPage({ params, searchParams }: { params: TParams; searchParams: TSearchParams }) {
  const actor = await requireProfessionalActor();
  const { patientId } = await params;
  const isEmergencyClosed = (await searchParams).urgence === "close";
  const patient = await getPatientIdentityForConsent(actor, patientId);
  if (!patient) notFound();
  const presumption = await careTeamPresumptionFor(actor, patientId);
  const today = platformNow().toISOString().slice(0, 10);

  async function consentAction(_state: TFormState, form: FormData): Promise<TFormState> {
    "use server";
    const me = await getProfessionalActor();
    if (!me) redirect("/pro/connexion");
    const parsed = ZConsentInput.safeParse({ hasConsent: form.get("hasConsent") === "oui", consentDate: form.get("consentDate") });
    if (!parsed.success) return { message: parsed.error.issues.map((i) => i.message).join(" ") };
    try {
      await declareConsent(me, patientId, parsed.data);
    } catch (error) {
      return actionError(error);
    }
    redirect(`/pro/patients/${patientId}`);
  }

  async function careTeamAction(): Promise<TFormState> {
    "use server";
    const me = await getProfessionalActor();
    if (!me) redirect("/pro/connexion");
    try {
      await declareCareTeamAccess(me, patientId);
    } catch (error) {
      return actionError(error);
    }
    redirect(`/pro/patients/${patientId}`);
  }

  return (
    <>
      <PageHeader
        eyebrow="Premier accès"
        title={`Accès au dossier ${ofName(`${patient.firstName} ${patient.lastName}`)}`}
        description={
          <p>
            Vous n&apos;êtes pas autorisé à accéder à ce dossier. Le patient doit vous avoir donné son accord ; il sera informé de cette première
            consultation. En situation d&apos;urgence, déclarez un accès en urgence (bris de glace).
          </p>
        }
      />
      {isEmergencyClosed ? (
        <Alert tone="success" className="mb-6">
          L&apos;accès d&apos;urgence est clos. Pour accéder de nouveau au dossier, recueillez le consentement du patient ou déclarez une nouvelle urgence.
        </Alert>
      ) : null}
      {presumption ? (
        <section aria-labelledby="equipe-de-soins" className="mb-10">
          <h2 id="equipe-de-soins" className="mb-3 text-2xl font-semibold">
            Au titre de l&apos;équipe de soins
          </h2>
          <p className="mb-4 max-w-3xl text-slate-800">
            Le patient a donné son accord à {presumption.colleagueName}, de votre structure ({presumption.structureName}). Vous êtes présumé
            faire partie de son équipe de soins : vous pouvez accéder à son dossier sans lui redemander son accord. Il sera informé de cette
            première consultation et peut s&apos;y opposer.
          </p>
          <ActionForm action={careTeamAction} submitLabel="Accéder au dossier au titre de l'équipe de soins" />
        </section>
      ) : null}
      <section aria-labelledby="consentement" className="mb-10">
        <h2 id="consentement" className="mb-3 text-2xl font-semibold">
          Avec le consentement du patient
        </h2>
        <ActionForm action={consentAction} submitLabel="Enregistrer le consentement et ouvrir le dossier" className="flex max-w-xl flex-col gap-5">
          <ChoiceField id="hasConsent" name="hasConsent" value="oui" type="checkbox" required label="Le patient m'a donné son accord pour accéder à son dossier" />
          <InputField id="consentDate" name="consentDate" type="date" label="Date du consentement" defaultValue={today} max={today} required />
        </ActionForm>
      </section>
      <section aria-labelledby="bris-de-glace" className="mb-10 rounded-lg border-2 border-red-700 bg-white p-5">
        <h2 id="bris-de-glace" className="mb-3 text-2xl font-semibold">
          Accès en urgence (bris de glace)
        </h2>
        {emergencyDoorDecision(actor, "BREAK_GLASS").allowed ? (
          <>
            <div className="mb-5 flex max-w-3xl flex-col gap-2 text-slate-800">
              <p>
                Réservé à une situation d&apos;urgence : l&apos;état du patient comporte un risque immédiat pour sa santé et il ne peut pas donner son
                accord. L&apos;accès est tracé avec votre justification, le patient en est informé, et il prend fin automatiquement au bout de{" "}
                {emergencyMinutesLabel()}.
              </p>
              <p>Le patient peut s&apos;être opposé à ce mode d&apos;accès : l&apos;accès est alors refusé, et la tentative est tracée.</p>
            </div>
            <BreakGlassForm action={breakGlassAction.bind(null, patientId)} />
          </>
        ) : (
          <p className="max-w-3xl text-slate-800">
            L&apos;accès en urgence est réservé aux professionnels de santé. Votre carte d&apos;établissement ne permet pas de l&apos;utiliser :
            adressez-vous à un professionnel de santé de votre structure.
          </p>
        )}
      </section>
    </>
  );
}
