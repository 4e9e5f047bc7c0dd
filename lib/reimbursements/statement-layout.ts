import type { TReimbursementCategory, TStatementLine } from "./generate-history";
import { bornOn, type TSex } from "@/lib/text/french";

/**
 * The layout of the Assurance Maladie statement (the deck's "Données de remboursement" page):
 * its notice, its sections in order and their columns. Shared by the portals' statement and
 * the text of the record's reimbursement document, so both say the same thing.
 */

export const STATEMENT_TITLE = "Données de remboursement";

/** The notice printed under the period: information only, not exhaustive, the reader's responsibility. */
export const STATEMENT_NOTICE =
  "Les informations ci-dessous sont issues des données de remboursement ou de prise en charge des organismes " +
  "d'assurance maladie obligatoires pour les vingt-quatre derniers mois. Elles sont fournies à titre purement " +
  "informatif et leur exhaustivité ne peut être garantie, notamment en cas de changement administratif durant " +
  "ces vingt-quatre mois. Toute interprétation ou décision, de quelque nature que ce soit, se basant sur ces " +
  "données relève de la seule responsabilité de la personne qui les consulte.";

/** What the « H » in front of a line means. */
export const HOSPITAL_MARK_LEGEND = "H : délivré ou réalisé au cours d'un séjour en hôpital ou établissement de santé.";

export type TStatementColumn = { key: string; header: string; cell: (line: TStatementLine) => string };

/** DD/MM/YYYY, as the statement writes its dates. */
export function statementDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

const LONG_DAY = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "4 avril 2016", for the period. */
export function longDay(iso: string): string {
  return LONG_DAY.format(new Date(`${iso}T00:00:00Z`));
}

export function periodText(from: string, to: string): string {
  return `Période : du ${longDay(from)} au ${longDay(to)}`;
}

const stayLength = (days: number | null) => (days === null ? "—" : `${days} jour${days > 1 ? "s" : ""}`);

export type TStatementSection = {
  category: TReimbursementCategory;
  /** URL value of the section filter. */
  slug: "pharmacie" | "hospitalisation" | "soins" | "radiologie";
  title: string;
  columns: TStatementColumn[];
  emptyText: string;
};

export const STATEMENT_SECTIONS: readonly TStatementSection[] = [
  {
    category: "PHARMACY",
    slug: "pharmacie",
    title: "Pharmacie / Fournitures",
    emptyText: "Aucune délivrance sur la période.",
    columns: [
      { key: "date", header: "Date de délivrance", cell: (l) => statementDay(l.date) },
      { key: "label", header: "Nom du médicament ou de la fourniture", cell: (l) => l.label },
      { key: "ingredients", header: "Composants actifs du médicament", cell: (l) => l.activeIngredients ?? "" },
      { key: "quantity", header: "Quantités délivrées", cell: (l) => String(l.quantity) },
    ],
  },
  {
    category: "HOSPITAL_STAY",
    slug: "hospitalisation",
    title: "Hospitalisation",
    emptyText: "Aucun séjour sur la période.",
    columns: [
      { key: "date", header: "Date d'admission", cell: (l) => statementDay(l.date) },
      { key: "days", header: "Durée du séjour", cell: (l) => stayLength(l.stayDays) },
      { key: "label", header: "Nature du séjour", cell: (l) => l.label },
    ],
  },
  {
    category: "CARE",
    slug: "soins",
    title: "Soins médicaux et dentaires",
    emptyText: "Aucun soin sur la période.",
    columns: [
      { key: "date", header: "Date d'exécution de l'acte", cell: (l) => statementDay(l.date) },
      { key: "code", header: "Acte", cell: (l) => l.actCode },
      { key: "label", header: "Libellé de l'acte", cell: (l) => l.label },
      { key: "specialty", header: "Spécialité", cell: (l) => l.specialty ?? "" },
    ],
  },
  {
    category: "RADIOLOGY",
    slug: "radiologie",
    title: "Radiologie",
    emptyText: "Aucun acte d'imagerie sur la période.",
    columns: [
      { key: "date", header: "Date d'exécution de l'acte", cell: (l) => statementDay(l.date) },
      { key: "code", header: "Acte", cell: (l) => l.actCode },
      { key: "label", header: "Libellé de l'acte", cell: (l) => l.label },
    ],
  },
];

/** The whole statement as plain text: the content of the record's reimbursement document (class 60). */
export function statementText(input: { patientName: string; birthDate: string; sex?: TSex; from: string; to: string; lines: readonly TStatementLine[]; alds: readonly string[] }): string {
  const out = [`${input.patientName}, ${bornOn(input.sex, input.birthDate)}`, STATEMENT_TITLE, periodText(input.from, input.to), "", STATEMENT_NOTICE, HOSPITAL_MARK_LEGEND];
  if (input.alds.length > 0) out.push("", "Affection de longue durée que ces données laissent supposer :", ...input.alds.map((a) => `• ${a}`));
  for (const section of STATEMENT_SECTIONS) {
    const lines = input.lines.filter((l) => l.category === section.category);
    out.push("", section.title, ["", ...section.columns.map((c) => c.header)].join(" | "));
    if (lines.length === 0) out.push(section.emptyText);
    for (const line of lines) out.push([line.deliveredInHospital ? "H" : "", ...section.columns.map((c) => c.cell(line))].join(" | "));
  }
  return `${out.join("\n")}\n`;
}
