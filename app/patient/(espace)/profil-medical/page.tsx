import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { EntryForm } from "@/components/health-profile/entry-form";
import { MeasurementCharts } from "@/components/health-profile/measurement-chart";
import { ProfileEntries, AuthorLine, type TRenderEntryActions } from "@/components/health-profile/profile-entries";
import { allergyFields, commentFields, emergencyWishesFields, historyFields, measurementFields, treatmentFields, vaccinationFields } from "@/components/health-profile/field-specs";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalHealthProfile } from "@/lib/patient-portal";
import { ORGAN_DONATION_CHOICES } from "@/lib/health-profile/inputs";
import { commentProfileEntryAction, deleteProfileEntryAction, emergencyWishesAction, saveProfileEntryAction } from "./actions";

export const metadata: Metadata = { title: "Mon profil médical" };

const FIELDS = { HISTORY: historyFields, ALLERGY: allergyFields, TREATMENT: treatmentFields, VACCINATION: vaccinationFields } as const;
const NOUNS = { HISTORY: "l'antécédent", ALLERGY: "l'allergie", TREATMENT: "le traitement", VACCINATION: "la vaccination" } as const;
const ADD = { HISTORY: "Ajouter un antécédent", ALLERGY: "Ajouter une allergie", TREATMENT: "Ajouter un traitement", VACCINATION: "Ajouter une vaccination" } as const;

function titleOf(entry: Record<string, unknown>): string {
  return String(entry.label ?? entry.substance ?? entry.medication ?? entry.vaccine ?? "");
}

export default async function HealthProfilePage() {
  const { actor } = await requirePatientActor();
  const profile = await portalHealthProfile(actor);
  const isOpen = !profile.isRecordClosed;
  const wishes = profile.emergencyWishes;

  const renderActions: TRenderEntryActions = (kind, entry) => {
    const name = titleOf(entry);
    return (
      <div className="flex flex-col gap-2">
        {entry.author.side === "PATIENT_SIDE" && isOpen ? (
          <>
            <details>
              <summary className="cursor-pointer font-semibold text-blue-900 underline">Modifier {NOUNS[kind]} {name}</summary>
              <EntryForm
                action={saveProfileEntryAction.bind(null, kind)}
                idPrefix={`modifier-${entry.id}`}
                hidden={{ id: entry.id }}
                fields={FIELDS[kind](entry)}
                submitLabel="Enregistrer la modification"
              />
            </details>
            <ActionForm action={deleteProfileEntryAction.bind(null, kind)} fields={{ id: entry.id }} submitLabel={`Retirer ${name}`} variant="secondary" />
          </>
        ) : null}
        {entry.author.side === "PROFESSIONAL" && isOpen ? (
          <details>
            <summary className="cursor-pointer font-semibold text-blue-900 underline">Commenter ou contester {name}</summary>
            <p className="text-sm text-slate-700">Cette information a été écrite par un professionnel : vous ne pouvez pas la modifier, mais vous pouvez la commenter ou la contester.</p>
            <EntryForm
              action={commentProfileEntryAction}
              idPrefix={`commentaire-${entry.id}`}
              hidden={{ entryKind: kind, entryId: entry.id }}
              fields={commentFields()}
              submitLabel="Envoyer"
              variant="secondary"
            />
          </details>
        ) : null}
      </div>
    );
  };

  const addForm = (kind: keyof typeof FIELDS) =>
    isOpen ? (
      <details>
        <summary className="cursor-pointer font-semibold text-blue-900 underline">{ADD[kind]}</summary>
        <EntryForm action={saveProfileEntryAction.bind(null, kind)} idPrefix={`ajouter-${kind.toLowerCase()}`} fields={FIELDS[kind]()} submitLabel={ADD[kind]} />
      </details>
    ) : null;

  return (
    <>
      <PageHeader
        title="Mon profil médical"
        description={
          <p>
            Vos antécédents, allergies, traitements, vaccinations, mesures et informations d&apos;urgence. Les professionnels autorisés les lisent selon la
            matrice d&apos;habilitations ; chaque consultation apparaît dans votre <Link href="/patient/historique" className="font-semibold text-blue-800 underline">historique des accès</Link>.
            Une information écrite par un professionnel ne peut pas être modifiée, mais vous pouvez la commenter ou la contester.
          </p>
        }
      />
      {!isOpen ? <Alert tone="warning" className="mb-6">Votre dossier est fermé : votre profil médical est en lecture seule.</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card as="section" title="Informations d'urgence" description="Montrées aux professionnels en urgence (SAMU-Centre 15, bris de glace).">
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
            <p>Aucune information d&apos;urgence renseignée.</p>
          )}
          {isOpen ? (
            <details>
              <summary className="cursor-pointer font-semibold text-blue-900 underline">Modifier mes informations d&apos;urgence</summary>
              <EntryForm action={emergencyWishesAction} idPrefix="urgence" fields={emergencyWishesFields(wishes ?? undefined)} submitLabel="Enregistrer mes informations d'urgence" />
            </details>
          ) : null}
        </Card>
        <Card as="section" title="Mes mesures" description="Poids, taille, tension artérielle et glycémie que vous saisissez.">
          <MeasurementCharts
            measurements={profile.measurements}
            renderActions={
              isOpen
                ? (m) => (m.rights.mayEdit ? <ActionForm action={deleteProfileEntryAction.bind(null, "MEASUREMENT")} fields={{ id: m.id }} submitLabel={`Retirer la mesure du ${m.measuredOn.split("-").reverse().join("/")}`} variant="secondary" /> : null)
                : undefined
            }
          />
          {isOpen ? (
            <details>
              <summary className="cursor-pointer font-semibold text-blue-900 underline">Ajouter une mesure</summary>
              <EntryForm action={saveProfileEntryAction.bind(null, "MEASUREMENT")} idPrefix="ajouter-mesure" fields={measurementFields()} submitLabel="Ajouter la mesure" />
            </details>
          ) : null}
        </Card>
        <ProfileEntries
          profile={profile}
          renderActions={renderActions}
          addForms={{ HISTORY: addForm("HISTORY"), ALLERGY: addForm("ALLERGY"), TREATMENT: addForm("TREATMENT"), VACCINATION: addForm("VACCINATION") }}
        />
      </div>
    </>
  );
}
