import { Card } from "@/components/ui/card";
import { tracedProfessionLabel } from "@/lib/reference/professions";
import { plural } from "@/lib/text/french";
import type { TDocumentVisibilityPage } from "@/lib/documents/document-visibility";

const DATE_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/** "Qui peut voir ce document ?": the policy's answers, then (patient side) who opened it. */
export function DocumentVisibility({ page }: { page: TDocumentVisibilityPage }) {
  const { sentences, openedBy } = page;
  return (
    <div className="flex flex-col gap-6">
      <Card title="Les professionnels">
        <ul className="list-disc space-y-2 pl-6">
          {sentences.professionals.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </Card>
      <Card title="Le patient et ses représentants">
        <ul className="list-disc space-y-2 pl-6">
          {sentences.patientSide.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </Card>
      {sentences.ifToggled.length > 0 ? (
        <Card title={page.visibility.isMasked ? "Si le document n'était plus masqué" : "Si le patient masque ce document"}>
          <ul className="list-disc space-y-2 pl-6">
            {sentences.ifToggled.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </Card>
      ) : null}
      {openedBy ? (
        <Card title="Professionnels qui l'ont consulté">
          {openedBy.length === 0 ? (
            <p>Aucun professionnel n&apos;a encore consulté ce document.</p>
          ) : (
            <ul aria-label="Professionnels qui ont consulté ce document" className="flex flex-col gap-2">
              {openedBy.map((o) => (
                <li key={`${o.actorId}-${o.actorName}`}>
                  <strong>{o.actorName}</strong>
                  {o.actorProfession ? ` (${tracedProfessionLabel(o.actorProfession)})` : ""}
                  {o.actorStructure ? ` — ${o.actorStructure}` : ""} : {plural(o.count, "consultation", "consultations")}, la dernière le {DATE_TIME.format(o.lastAt)}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </div>
  );
}
