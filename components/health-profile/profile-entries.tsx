import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { TEntryAuthor, TEntryComment, THealthProfile } from "@/lib/health-profile/get-health-profile";
import { HISTORY_CATEGORIES } from "@/lib/health-profile/inputs";
import { ofName } from "@/lib/text/french";

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

export function isoDay(d: string): string {
  return d.split("-").reverse().join("/");
}

/** « Renseigné par … le … »: who wrote the entry and when (the issue's requirement for every entry). */
export function AuthorLine({ author }: { author: TEntryAuthor }) {
  return (
    <p className="text-sm text-slate-700">
      Renseigné par {author.name}
      {author.side === "PROFESSIONAL" ? " (professionnel de santé)" : " (patient)"} le {DATE.format(author.writtenAt)}
    </p>
  );
}

function Comments({ comments }: { comments: TEntryComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-col gap-1 border-l-4 border-amber-400 pl-3">
      {comments.map((c) => (
        <li key={c.id}>
          <strong>{c.isContest ? "Contestation" : "Commentaire"}</strong> {ofName(c.authorName)} le {DATE.format(c.writtenAt)} : « {c.text} »
        </li>
      ))}
    </ul>
  );
}

type TKind = "HISTORY" | "ALLERGY" | "TREATMENT" | "VACCINATION";
type TAnyEntry = { id: string; author: TEntryAuthor; comments: TEntryComment[] };
export type TRenderEntryActions = (kind: TKind, entry: TAnyEntry & Record<string, unknown>) => ReactNode;

function EntryItem({ title, details, entry, kind, renderActions }: { title: ReactNode; details?: ReactNode; entry: TAnyEntry; kind: TKind; renderActions?: TRenderEntryActions }) {
  const contested = entry.comments.some((c) => c.isContest);
  return (
    <li className="flex flex-col gap-1 rounded-md border border-slate-300 p-3">
      <p>
        <strong>{title}</strong> {contested ? <Badge tone="warning">Contesté par le patient</Badge> : null}
      </p>
      {details ? <p>{details}</p> : null}
      <AuthorLine author={entry.author} />
      <Comments comments={entry.comments} />
      {renderActions ? renderActions(kind, entry as TAnyEntry & Record<string, unknown>) : null}
    </li>
  );
}

function List({ empty, children }: { empty: string; children: ReactNode[] }) {
  return children.length === 0 ? <p>{empty}</p> : <ul className="flex flex-col gap-3">{children}</ul>;
}

/**
 * The four sections both sides read (history, allergies, treatments, vaccinations), each
 * entry with its author, date and the patient side's comments and contests. `renderActions`
 * adds the forms the reader may use on an entry; `addForms` the « Ajouter » form of a section.
 */
export function ProfileEntries({
  profile,
  renderActions,
  addForms = {},
  headingLevel = 2,
}: {
  profile: THealthProfile;
  renderActions?: TRenderEntryActions;
  addForms?: Partial<Record<TKind, ReactNode>>;
  headingLevel?: 2 | 3;
}) {
  return (
    <>
      <Card as="section" title="Antécédents médicaux et chirurgicaux" headingLevel={headingLevel}>
        <List empty="Aucun antécédent renseigné.">
          {profile.history.map((h) => (
            <EntryItem
              key={h.id}
              kind="HISTORY"
              entry={h}
              renderActions={renderActions}
              title={h.label}
              details={`${HISTORY_CATEGORIES[h.category]}${h.since ? ` depuis ${h.since}` : ""}${h.note ? ` — ${h.note}` : ""}`}
            />
          ))}
        </List>
        {addForms.HISTORY}
      </Card>
      <Card as="section" title="Allergies et intolérances" headingLevel={headingLevel}>
        <List empty="Aucune allergie renseignée.">
          {profile.allergies.map((a) => (
            <EntryItem
              key={a.id}
              kind="ALLERGY"
              entry={a}
              renderActions={renderActions}
              title={a.substance}
              details={[a.reaction, a.severity ? `gravité ${a.severity}` : null].filter(Boolean).join(" — ") || undefined}
            />
          ))}
        </List>
        {addForms.ALLERGY}
      </Card>
      <Card as="section" title="Traitements en cours et passés" headingLevel={headingLevel}>
        <List empty="Aucun traitement renseigné.">
          {profile.treatments.map((t) => (
            <EntryItem
              key={t.id}
              kind="TREATMENT"
              entry={t}
              renderActions={renderActions}
              title={`${t.medication}${t.isCurrent ? "" : " (terminé)"}`}
              details={`${t.dosage} · depuis le ${isoDay(t.startDate)}${t.endDate ? ` jusqu'au ${isoDay(t.endDate)}` : ""}`}
            />
          ))}
        </List>
        {addForms.TREATMENT}
      </Card>
      <Card as="section" title="Vaccinations" headingLevel={headingLevel}>
        <List empty="Aucune vaccination renseignée.">
          {profile.vaccinations.map((v) => (
            <EntryItem
              key={v.id}
              kind="VACCINATION"
              entry={v}
              renderActions={renderActions}
              title={`${v.vaccine} le ${isoDay(v.date)}`}
              details={[
                v.dose ? `Dose : ${v.dose}` : null,
                v.lot ? `lot ${v.lot}` : null,
                v.atcCode ? `code ATC ${v.atcCode}` : null,
                v.administeredBy ? `administré par ${v.administeredBy}` : null,
              ]
                .filter(Boolean)
                .join(" · ") || undefined}
            />
          ))}
        </List>
        {addForms.VACCINATION}
      </Card>
    </>
  );
}
