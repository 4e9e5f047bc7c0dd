import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EntryForm } from "@/components/health-profile/entry-form";
import { MeasurementCharts } from "@/components/health-profile/measurement-chart";
import { AuthorLine, ProfileEntries, type TRenderEntryActions } from "@/components/health-profile/profile-entries";
import { allergyFields, historyFields, treatmentFields, vaccinationFields } from "@/components/health-profile/field-specs";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { healthProfileInRecord } from "@/lib/pro/portal";
import { ORGAN_DONATION_CHOICES } from "@/lib/health-profile/inputs";
import { saveHealthProfileEntryAction } from "@/app/pro/(portal)/patients/[patientId]/profil-medical-actions";

const FIELDS = { HISTORY: historyFields, ALLERGY: allergyFields, TREATMENT: treatmentFields, VACCINATION: vaccinationFields } as const;
const ADD = { HISTORY: "Ajouter un antécédent", ALLERGY: "Ajouter une allergie au profil", TREATMENT: "Ajouter un traitement au profil", VACCINATION: "Ajouter une vaccination" } as const;

/**
 * The health profile on the professional's record page, self-contained: reads it under
 * HEALTH_PROFILE (a HEALTH_PROFILE_VIEW trace, allowed or refused by the matrix row), shows
 * every entry with its author, date and the patient's comments and contests, and the forms
 * the rule allows (history, allergies, treatments, vaccinations; a professional's entries).
 * The record page renders it in one line: <HealthProfileSection patientId={patientId} />.
 */
export async function HealthProfileSection({ patientId }: { patientId: string }) {
  const actor = await requireProfessionalActor();
  const result = await healthProfileInRecord(actor, patientId);
  return (
    <section aria-labelledby="profil-medical" className="mb-10">
      <h2 id="profil-medical" className="mb-3 text-2xl font-semibold">
        Profil médical
      </h2>
      {!result.isAllowed ? (
        <Alert tone="info">Le profil médical n&apos;est pas accessible à votre profession ({result.habilitation}).</Alert>
      ) : (
        <ProfessionalProfile patientId={patientId} profile={result.profile} />
      )}
    </section>
  );
}

function ProfessionalProfile({ patientId, profile }: { patientId: string; profile: Extract<Awaited<ReturnType<typeof healthProfileInRecord>>, { isAllowed: true }>["profile"] }) {
  const wishes = profile.emergencyWishes;
  const renderActions: TRenderEntryActions = (kind, entry) =>
    (entry.rights as { mayEdit: boolean }).mayEdit ? (
      <details>
        <summary className="cursor-pointer font-semibold text-blue-900 underline">Corriger {String(entry.label ?? entry.substance ?? entry.medication ?? entry.vaccine)}</summary>
        <EntryForm action={saveHealthProfileEntryAction.bind(null, patientId, kind)} idPrefix={`pro-modifier-${entry.id}`} hidden={{ id: entry.id }} fields={FIELDS[kind](entry)} submitLabel="Enregistrer la correction" />
      </details>
    ) : null;
  const addForm = (kind: keyof typeof FIELDS, allowed: boolean) =>
    allowed ? (
      <details>
        <summary className="cursor-pointer font-semibold text-blue-900 underline">{ADD[kind]}</summary>
        <EntryForm action={saveHealthProfileEntryAction.bind(null, patientId, kind)} idPrefix={`pro-ajouter-${kind.toLowerCase()}`} fields={FIELDS[kind]()} submitLabel={ADD[kind]} />
      </details>
    ) : null;
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <Card as="section" title="Informations d'urgence" headingLevel={3}>
        {wishes ? <AuthorLine author={wishes.author} /> : null}
        {wishes ? (
          <dl className="flex flex-col gap-2">
            <div>
              <dt className="font-semibold">Directives anticipées</dt>
              <dd>{wishes.directivesLocation ?? "Non renseignées."}</dd>
            </div>
            <div>
              <dt className="font-semibold">Personne de confiance</dt>
              <dd>
                {wishes.trustedPersonName
                  ? `${wishes.trustedPersonName}${wishes.trustedPersonRelationship ? ` (${wishes.trustedPersonRelationship})` : ""}${wishes.trustedPersonPhone ? ` — ${wishes.trustedPersonPhone}` : ""}`
                  : "Non désignée."}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">Don d&apos;organes</dt>
              <dd>{wishes.organDonation ? ORGAN_DONATION_CHOICES[wishes.organDonation] : "Non renseigné."}</dd>
            </div>
          </dl>
        ) : (
          <p>Aucune information d&apos;urgence renseignée par le patient.</p>
        )}
      </Card>
      <Card as="section" title="Mesures saisies par le patient" headingLevel={3}>
        <MeasurementCharts measurements={profile.measurements} />
      </Card>
      <ProfileEntries
        profile={profile}
        headingLevel={3}
        renderActions={renderActions}
        addForms={{
          HISTORY: addForm("HISTORY", profile.mayAdd.history),
          ALLERGY: addForm("ALLERGY", profile.mayAdd.allergies),
          TREATMENT: addForm("TREATMENT", profile.mayAdd.treatments),
          VACCINATION: addForm("VACCINATION", profile.mayAdd.vaccinations),
        }}
      />
    </div>
  );
}
