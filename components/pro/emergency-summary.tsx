import { ActionForm } from "@/components/ui/action-form";
import type { TFormState } from "@/components/ui/form-state";
import { Card } from "@/components/ui/card";
import type { TEmergencySummary } from "@/lib/emergency/get-emergency-summary";
import type { TDocumentListItem } from "@/lib/documents/document-list-item";

const TIME = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

const ORGAN_DONATION_LABELS: Record<string, string> = {
  ACCEPTS: "Favorable au don d'organes et de tissus",
  REFUSES: "Refuse le don d'organes (vérifier le registre national des refus)",
  UNDECIDED: "Ne se prononce pas",
};

const MODE_LABELS = { SAMU: "régulation SAMU-Centre 15", BREAK_GLASS: "bris de glace" } as const;

function day(d: string): string {
  const [y, m, dd] = d.split("-");
  return `${dd}/${m}/${y}`;
}

function LatestDocument({ label, document, href }: { label: string; document: TDocumentListItem | null; href: (id: string) => string }) {
  if (!document) return <p>Aucun document de ce type accessible.</p>;
  return (
    <p>
      <a href={href(document.id)} target="_blank" rel="noopener">
        {label} : {document.title}
      </a>{" "}
      <span className="text-slate-700">
        du {DATE.format(document.serviceDate)}
        {document.authorName ? ` · ${document.authorName}` : document.structureName ? ` · ${document.structureName}` : ""}
      </span>
    </p>
  );
}

/**
 * What a professional in an emergency mode sees first: the mode and its end, a button to
 * close it, then allergies, current treatments, the patient's wishes (advance directives,
 * trusted person, organ donation), vaccinations, people to contact, the latest synthesis
 * and the latest DLU.
 */
export function EmergencySummarySection({
  summary,
  documentHref,
  closeAction,
}: {
  summary: TEmergencySummary;
  documentHref: (documentId: string) => string;
  closeAction: (state: TFormState, form: FormData) => Promise<TFormState>;
}) {
  const mode = MODE_LABELS[summary.mode];
  return (
    <>
      <div role="region" aria-labelledby="acces-urgence-titre" className="mb-6 flex flex-col gap-3 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-950">
        <p id="acces-urgence-titre" className="font-semibold">
          {summary.expiresAt ? `Accès en urgence (${mode}) ouvert jusqu'à ${TIME.format(summary.expiresAt)}` : `Accès en urgence (${mode})`}
        </p>
        <p>
          Cet accès est tracé et le patient en est informé. Il prend fin automatiquement à l&apos;heure indiquée ; clôturez-le dès que
          l&apos;urgence est terminée.
          {summary.justification ? ` Justification déclarée : « ${summary.justification} »` : ""}
        </p>
        <ActionForm action={closeAction} submitLabel="Clore l'accès d'urgence" variant="secondary" />
      </div>
      <section aria-labelledby="synthese-urgence" className="mb-10">
        <h2 id="synthese-urgence" className="mb-3 text-2xl font-semibold">
          Synthèse d&apos;urgence
        </h2>
        <div className="grid gap-5 md:grid-cols-2">
          <Card as="section" title="Allergies connues" headingLevel={3}>
            {summary.allergies.length === 0 ? (
              <p>{summary.isProfileAllowed ? "Aucune allergie renseignée." : "Non accessible à votre profession."}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {summary.allergies.map((a) => (
                  <li key={a.id}>
                    <strong>{a.substance}</strong>
                    {a.reaction ? ` — ${a.reaction}` : ""}
                    {a.severity ? ` (${a.severity})` : ""}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card as="section" title="Traitements en cours" headingLevel={3}>
            {summary.treatments.length === 0 ? (
              <p>{summary.isProfileAllowed ? "Aucun traitement en cours renseigné." : "Non accessible à votre profession."}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {summary.treatments.map((t) => (
                  <li key={t.id}>
                    <strong>{t.medication}</strong> — {t.dosage} · depuis le {day(t.startDate)}
                    {t.endDate ? ` jusqu'au ${day(t.endDate)}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card as="section" title="Volontés du patient" headingLevel={3}>
            {!summary.isProfileAllowed ? (
              <p>Le profil médical n&apos;est pas accessible à votre profession (matrice d&apos;habilitations).</p>
            ) : (
              <dl className="flex flex-col gap-2">
                <div>
                  <dt className="font-semibold">Directives anticipées</dt>
                  <dd>
                    {summary.wishes?.directivesLocation ?? (summary.latestDirectives ? null : "Non renseignées.")}
                    {summary.latestDirectives ? <LatestDocument label="Document" document={summary.latestDirectives} href={documentHref} /> : null}
                  </dd>
                </div>
                <div>
                  <dt className="font-semibold">Personne de confiance</dt>
                  <dd>
                    {summary.wishes?.trustedPersonName ? (
                      <>
                        {summary.wishes.trustedPersonName}
                        {summary.wishes.trustedPersonRelationship ? ` (${summary.wishes.trustedPersonRelationship})` : ""}
                        {summary.wishes.trustedPersonPhone ? (
                          <>
                            {" "}
                            — <a href={`tel:${summary.wishes.trustedPersonPhone.replace(/\s+/g, "")}`}>{summary.wishes.trustedPersonPhone}</a>
                          </>
                        ) : null}
                      </>
                    ) : (
                      "Non désignée."
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="font-semibold">Don d&apos;organes</dt>
                  <dd>{summary.wishes?.organDonation ? (ORGAN_DONATION_LABELS[summary.wishes.organDonation] ?? "Non renseigné.") : "Non renseigné."}</dd>
                </div>
              </dl>
            )}
          </Card>
          <Card as="section" title="Vaccinations" headingLevel={3}>
            {summary.vaccinations.length === 0 ? (
              <p>{summary.isProfileAllowed ? "Aucune vaccination renseignée." : "Non accessible à votre profession."}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {summary.vaccinations.map((v) => (
                  <li key={v.id}>
                    <strong>{v.vaccine}</strong> — le {day(v.date)}
                    {v.dose ? ` (${v.dose})` : ""}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card as="section" title="Personnes à prévenir en urgence" headingLevel={3}>
            {summary.emergencyContacts.length === 0 ? (
              <p>Aucune personne à prévenir.</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {summary.emergencyContacts.map((c) => (
                  <li key={c.id}>
                    {c.name} ({c.relationship}) — <a href={`tel:${c.phone.replace(/\s+/g, "")}`}>{c.phone}</a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card as="section" title="Derniers documents d'urgence" headingLevel={3}>
            <h4 className="font-semibold">Synthèse médicale (VSM)</h4>
            <LatestDocument label="Dernière synthèse" document={summary.latestSynthesis} href={documentHref} />
            <h4 className="font-semibold">Document de liaison d&apos;urgence (DLU)</h4>
            <LatestDocument label="Dernier DLU" document={summary.latestDlu} href={documentHref} />
          </Card>
        </div>
      </section>
    </>
  );
}
