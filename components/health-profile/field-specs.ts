import type { TFieldSpec } from "./entry-form";
import { ALLERGY_SEVERITIES, HISTORY_CATEGORIES, MEASUREMENT_KINDS, ORGAN_DONATION_CHOICES } from "@/lib/health-profile/inputs";

/** The fields of each section's form, with the entry's current values when editing. */
type TValues = Record<string, unknown>;
const v = (values: TValues | undefined, name: string) => {
  const x = values?.[name];
  return typeof x === "string" || typeof x === "number" ? String(x) : undefined;
};

export function historyFields(values?: TValues): TFieldSpec[] {
  return [
    { name: "category", label: "Type d'antécédent", kind: "select", required: true, options: Object.entries(HISTORY_CATEGORIES).map(([value, label]) => ({ value, label })), defaultValue: v(values, "category") },
    { name: "label", label: "Antécédent", required: true, hint: "Par exemple : appendicectomie, diabète de type 2.", defaultValue: v(values, "label") },
    { name: "since", label: "Année", hint: "Sur 4 chiffres, par exemple 2015.", defaultValue: v(values, "since") },
    { name: "note", label: "Précisions", kind: "textarea", defaultValue: v(values, "note") },
  ];
}

export function allergyFields(values?: TValues): TFieldSpec[] {
  return [
    { name: "substance", label: "Substance", required: true, hint: "Médicament, aliment, pollen…", defaultValue: v(values, "substance") },
    { name: "reaction", label: "Réaction", defaultValue: v(values, "reaction") },
    { name: "severity", label: "Gravité", kind: "select", options: ALLERGY_SEVERITIES.map((s) => ({ value: s, label: s })), defaultValue: v(values, "severity") },
  ];
}

export function treatmentFields(values?: TValues): TFieldSpec[] {
  return [
    { name: "medication", label: "Médicament", required: true, defaultValue: v(values, "medication") },
    { name: "dosage", label: "Posologie", required: true, defaultValue: v(values, "dosage") },
    { name: "startDate", label: "Début", kind: "date", required: true, defaultValue: v(values, "startDate") },
    { name: "endDate", label: "Fin", kind: "date", defaultValue: v(values, "endDate") },
  ];
}

export function vaccinationFields(values?: TValues): TFieldSpec[] {
  return [
    { name: "vaccine", label: "Vaccin", required: true, hint: "Par exemple : DTP, grippe saisonnière.", defaultValue: v(values, "vaccine") },
    { name: "date", label: "Date de la vaccination", kind: "date", required: true, defaultValue: v(values, "date") },
    { name: "dose", label: "Dose", hint: "1re dose, rappel…", defaultValue: v(values, "dose") },
    { name: "lot", label: "Numéro de lot", defaultValue: v(values, "lot") },
    { name: "atcCode", label: "Code ATC du vaccin", hint: "Facultatif : J07 suivi de deux lettres et deux chiffres (J07BB02).", defaultValue: v(values, "atcCode") },
    { name: "administeredBy", label: "Administré par", defaultValue: v(values, "administeredBy") },
  ];
}

export function measurementFields(): TFieldSpec[] {
  return [
    {
      name: "kind",
      label: "Mesure",
      kind: "select",
      required: true,
      options: Object.entries(MEASUREMENT_KINDS).map(([value, k]) => ({ value, label: `${k.label} (${k.unit})` })),
    },
    { name: "value", label: "Valeur", kind: "decimal", required: true, hint: "Pour la tension, la systolique (le premier chiffre, en mmHg)." },
    { name: "secondValue", label: "Tension diastolique (mmHg)", kind: "decimal", hint: "Pour la tension seulement : le second chiffre." },
    { name: "measuredOn", label: "Date de la mesure", kind: "date", required: true },
  ];
}

export function emergencyWishesFields(values?: TValues): TFieldSpec[] {
  return [
    {
      name: "directivesLocation",
      label: "Où se trouvent mes directives anticipées",
      kind: "textarea",
      hint: "Par exemple : chez mon médecin traitant, chez ma fille. Vous pouvez aussi déposer le document dans « Mes documents » (type « Directives anticipées »).",
      defaultValue: v(values, "directivesLocation"),
    },
    { name: "trustedPersonName", label: "Nom de la personne de confiance", defaultValue: v(values, "trustedPersonName") },
    { name: "trustedPersonRelationship", label: "Lien avec la personne de confiance", defaultValue: v(values, "trustedPersonRelationship") },
    { name: "trustedPersonPhone", label: "Téléphone de la personne de confiance", defaultValue: v(values, "trustedPersonPhone") },
    {
      name: "organDonation",
      label: "Don d'organes et de tissus",
      kind: "select",
      options: Object.entries(ORGAN_DONATION_CHOICES).map(([value, label]) => ({ value, label })),
      defaultValue: v(values, "organDonation"),
    },
  ];
}

export function commentFields(): TFieldSpec[] {
  return [
    { name: "text", label: "Votre commentaire", kind: "textarea", required: true },
    { name: "isContest", label: "Je conteste cette information", kind: "checkbox", hint: "Les professionnels qui lisent votre profil verront la contestation." },
  ];
}
