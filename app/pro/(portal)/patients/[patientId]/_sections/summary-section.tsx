import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import type { TRecordSummary } from "@/lib/records/get-professional-record";
import { saveAllergyAction, saveTreatmentAction } from "../actions";

function day(d: string): string {
  const [y, m, dd] = d.split("-");
  return `${dd}/${m}/${y}`;
}

/** Allergies, treatments (each editable in place) and persons to inform. */
export function SummarySection({ patientId, summary }: { patientId: string; summary: TRecordSummary }) {
  return (
    <section aria-labelledby="synthese" className="mb-10">
      <h2 id="synthese" className="mb-3 text-2xl font-semibold">
        Synthèse
      </h2>
      <div className="grid gap-5 md:grid-cols-2">
        {summary.isProfileAllowed ? (
          <>
        <Card as="section" title="Allergies" headingLevel={3}>
          {summary.allergies.length === 0 ? <p>Aucune allergie connue.</p> : null}
          <ul className="flex flex-col gap-3">
            {summary.allergies.map((a) => (
              <li key={a.id}>
                <strong>{a.substance}</strong>
                {a.reaction ? ` — ${a.reaction}` : ""}
                {a.severity ? ` (${a.severity})` : ""}
                <details className="mt-1">
                  <summary>Modifier l&apos;allergie {a.substance}</summary>
                  <ActionForm action={saveAllergyAction.bind(null, patientId)} submitLabel="Enregistrer l'allergie">
                    <input type="hidden" name="id" value={a.id} />
                    <AllergyFields prefix={a.id} substance={a.substance} reaction={a.reaction} severity={a.severity} />
                  </ActionForm>
                </details>
              </li>
            ))}
          </ul>
          <details>
            <summary>Ajouter une allergie</summary>
            <ActionForm action={saveAllergyAction.bind(null, patientId)} submitLabel="Ajouter l'allergie">
              <AllergyFields prefix="new" />
            </ActionForm>
          </details>
        </Card>
        <Card as="section" title="Traitements" headingLevel={3}>
          {summary.treatments.length === 0 ? <p>Aucun traitement renseigné.</p> : null}
          <ul className="flex flex-col gap-3">
            {summary.treatments.map((t) => (
              <li key={t.id}>
                <strong>{t.medication}</strong> — {t.dosage} · depuis le {day(t.startDate)}
                {t.endDate ? ` jusqu'au ${day(t.endDate)}` : ""}
                <details className="mt-1">
                  <summary>Modifier le traitement {t.medication}</summary>
                  <ActionForm action={saveTreatmentAction.bind(null, patientId)} submitLabel="Enregistrer le traitement">
                    <input type="hidden" name="id" value={t.id} />
                    <TreatmentFields prefix={t.id} medication={t.medication} dosage={t.dosage} startDate={t.startDate} endDate={t.endDate} />
                  </ActionForm>
                </details>
              </li>
            ))}
          </ul>
          <details>
            <summary>Ajouter un traitement</summary>
            <ActionForm action={saveTreatmentAction.bind(null, patientId)} submitLabel="Ajouter le traitement">
              <TreatmentFields prefix="new" />
            </ActionForm>
          </details>
        </Card>
          </>
        ) : (
          <Card as="section" title="Allergies et traitements" headingLevel={3}>
            <p>Les allergies et les traitements font partie du profil médical, que la matrice d&apos;habilitations ne donne pas à votre profession.</p>
          </Card>
        )}
        <Card as="section" title="Personnes à prévenir" headingLevel={3}>
          {summary.emergencyContacts.length === 0 ? <p>Aucune personne à prévenir.</p> : null}
          <ul>
            {summary.emergencyContacts.map((c) => (
              <li key={c.id}>
                {c.name} ({c.relationship}) — {c.phone}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </section>
  );
}

function AllergyFields({ prefix, substance, reaction, severity }: { prefix: string; substance?: string; reaction?: string | null; severity?: string | null }) {
  return (
    <>
      <InputField id={`allergy-${prefix}-substance`} name="substance" label="Substance" defaultValue={substance} required />
      <InputField id={`allergy-${prefix}-reaction`} name="reaction" label="Réaction" defaultValue={reaction ?? ""} />
      <SelectField
        id={`allergy-${prefix}-severity`}
        name="severity"
        label="Sévérité"
        placeholder="Non précisée"
        defaultValue={severity ?? ""}
        options={["légère", "modérée", "sévère"].map((s) => ({ value: s, label: s }))}
      />
    </>
  );
}

function TreatmentFields(p: { prefix: string; medication?: string; dosage?: string; startDate?: string; endDate?: string | null }) {
  return (
    <>
      <InputField id={`treatment-${p.prefix}-medication`} name="medication" label="Médicament" defaultValue={p.medication} required />
      <InputField id={`treatment-${p.prefix}-dosage`} name="dosage" label="Posologie" defaultValue={p.dosage} required />
      <InputField id={`treatment-${p.prefix}-start`} name="startDate" type="date" label="Début" defaultValue={p.startDate} required />
      <InputField id={`treatment-${p.prefix}-end`} name="endDate" type="date" label="Fin" defaultValue={p.endDate ?? ""} />
    </>
  );
}
