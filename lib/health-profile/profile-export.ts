import type { THealthProfile, TEntryAuthor, TEntryComment } from "./get-health-profile";
import { HISTORY_CATEGORIES, MEASUREMENT_KINDS, ORGAN_DONATION_CHOICES } from "./inputs";

/**
 * The health profile in the patient's copy of the record (the ZIP): profil-medical.json
 * (every entry, its author, date, comments and contests, in French keys) and the lines of
 * the PDF summary.
 */

const day = (d: string) => d.split("-").reverse().join("/");
const author = (a: TEntryAuthor) => ({ renseignePar: a.name, auteur: a.side === "PROFESSIONAL" ? "professionnel de santé" : "patient", le: a.writtenAt.toISOString() });
const comments = (cs: TEntryComment[]) => cs.map((c) => ({ type: c.isContest ? "contestation" : "commentaire", texte: c.text, par: c.authorName, le: c.writtenAt.toISOString() }));

export function healthProfileJson(p: THealthProfile) {
  const w = p.emergencyWishes;
  return {
    informationsUrgence: w
      ? {
          directivesAnticipees: w.directivesLocation,
          personneDeConfiance: w.trustedPersonName ? { nom: w.trustedPersonName, lien: w.trustedPersonRelationship, telephone: w.trustedPersonPhone } : null,
          donOrganes: w.organDonation ? ORGAN_DONATION_CHOICES[w.organDonation] : null,
          ...author(w.author),
        }
      : null,
    antecedents: p.history.map((h) => ({ type: HISTORY_CATEGORIES[h.category], libelle: h.label, depuis: h.since, precisions: h.note, ...author(h.author), commentaires: comments(h.comments) })),
    allergies: p.allergies.map((a) => ({ substance: a.substance, reaction: a.reaction, gravite: a.severity, ...author(a.author), commentaires: comments(a.comments) })),
    traitements: p.treatments.map((t) => ({ medicament: t.medication, posologie: t.dosage, debut: t.startDate, fin: t.endDate, enCours: t.isCurrent, ...author(t.author), commentaires: comments(t.comments) })),
    vaccinations: p.vaccinations.map((v) => ({
      vaccin: v.vaccine,
      codeAtc: v.atcCode,
      date: v.date,
      dose: v.dose,
      lot: v.lot,
      administrePar: v.administeredBy,
      ...author(v.author),
      commentaires: comments(v.comments),
    })),
    mesures: p.measurements.map((m) => ({ mesure: MEASUREMENT_KINDS[m.kind].label, valeur: m.value, valeurDiastolique: m.secondValue, unite: m.unit, date: m.measuredOn, ...author(m.author) })),
  };
}

/** One line per entry for the PDF summary (its fonts are WinAnsi: the caller converts). */
export function healthProfileLines(p: THealthProfile): string[] {
  const by = (a: TEntryAuthor) => ` (${a.side === "PROFESSIONAL" ? "professionnel" : "patient"} : ${a.name})`;
  const contested = (cs: TEntryComment[]) => (cs.some((c) => c.isContest) ? " - contesté par le patient" : "");
  const w = p.emergencyWishes;
  return [
    `Directives anticipées : ${w?.directivesLocation ?? "non renseignées"}`,
    `Personne de confiance : ${w?.trustedPersonName ? `${w.trustedPersonName}${w.trustedPersonPhone ? `, ${w.trustedPersonPhone}` : ""}` : "non désignée"}`,
    `Don d'organes : ${w?.organDonation ? ORGAN_DONATION_CHOICES[w.organDonation] : "non renseigné"}`,
    ...p.history.map((h) => `Antécédent : ${h.label}${h.since ? ` (${h.since})` : ""}${by(h.author)}${contested(h.comments)}`),
    ...p.allergies.map((a) => `Allergie : ${a.substance}${a.reaction ? `, ${a.reaction}` : ""}${by(a.author)}${contested(a.comments)}`),
    ...p.treatments.map((t) => `Traitement : ${t.medication}, ${t.dosage}, depuis le ${day(t.startDate)}${t.endDate ? ` jusqu'au ${day(t.endDate)}` : ""}${by(t.author)}${contested(t.comments)}`),
    ...p.vaccinations.map((v) => `Vaccination : ${v.vaccine} le ${day(v.date)}${v.lot ? `, lot ${v.lot}` : ""}${by(v.author)}${contested(v.comments)}`),
    ...p.measurements.map((m) => `${MEASUREMENT_KINDS[m.kind].label} : ${m.value}${m.secondValue !== null ? `/${m.secondValue}` : ""} ${m.unit} le ${day(m.measuredOn)}`),
  ];
}
