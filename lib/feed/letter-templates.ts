import { agree, bornOn, type TSex } from "@/lib/text/french";

/**
 * Letter templates of the hospital simulator, with the real JDV_J66 type codes. The text
 * is a starting point the user edits before validating.
 */
/** `birthDate`: the ISO day; `sex` agrees the words (« Patiente », « née le »), neutral only when unknown. */
export type TLetterContext = { patientName: string; birthDate: string; sex?: TSex; authorName: string; structureName: string; today: string };

export type TLetterTemplate = { id: string; typeCode: string; label: string; title: string; body: (c: TLetterContext) => string };

export const LETTER_TEMPLATES: readonly TLetterTemplate[] = [
  {
    id: "crh",
    typeCode: "34112-3",
    label: "Compte rendu d'hospitalisation (CRH)",
    title: "Compte rendu d'hospitalisation",
    body: (c) =>
      `${agree(c.sex, "Patient", "Patiente")} : ${c.patientName}, ${bornOn(c.sex, c.birthDate)}.\n${agree(c.sex, "Hospitalisé", "Hospitalisée")} au sein de ${c.structureName} du … au ${c.today}.\n\nMotif d'hospitalisation :\n…\n\nHistoire de la maladie et évolution pendant le séjour :\n…\n\nExamens complémentaires :\n…\n\nTraitement de sortie :\n…\n\nSuites à donner :\n…\n\n${c.authorName}`,
  },
  {
    id: "liaison",
    typeCode: "11490-0",
    label: "Lettre de liaison à la sortie",
    title: "Lettre de liaison à la sortie",
    body: (c) =>
      `Cher confrère, chère consœur,\n\n${agree(c.sex, "Votre patient", "Votre patiente")} ${c.patientName}, ${bornOn(c.sex, c.birthDate)}, sort ce jour (${c.today}) de ${c.structureName}.\n\nMotif de l'hospitalisation : …\nSynthèse du séjour : …\nTraitement à la sortie : …\nRendez-vous prévus : …\n\nBien confraternellement,\n${c.authorName}`,
  },
  {
    id: "operatoire",
    typeCode: "34874-8",
    label: "Compte rendu opératoire",
    title: "Compte rendu opératoire",
    body: (c) =>
      `${agree(c.sex, "Patient", "Patiente")} : ${c.patientName}, ${bornOn(c.sex, c.birthDate)}.\nDate de l'intervention : ${c.today}.\nOpérateur : ${c.authorName}.\n\nIndication :\n…\n\nDescription de l'intervention :\n…\n\nIncidents per-opératoires : aucun.\n\nConsignes post-opératoires :\n…`,
  },
  {
    id: "consultation",
    typeCode: "11488-4",
    label: "Compte rendu de consultation",
    title: "Compte rendu de consultation",
    body: (c) =>
      `Consultation du ${c.today} — ${c.structureName}.\n${agree(c.sex, "Patient", "Patiente")} : ${c.patientName}, ${bornOn(c.sex, c.birthDate)}.\n\nMotif de consultation :\n…\n\nExamen clinique :\n…\n\nConclusion et conduite à tenir :\n…\n\n${c.authorName}`,
  },
  {
    id: "ordonnance",
    typeCode: "57833-6",
    label: "Ordonnance (prescription de produits de santé)",
    title: "Ordonnance",
    body: (c) =>
      `${c.structureName}, le ${c.today}\n\n${c.patientName}, ${bornOn(c.sex, c.birthDate)}\n\n1) … (dosage, posologie, durée)\n2) …\n\nÀ renouveler : non\n\n${c.authorName}`,
  },
  {
    id: "urgences",
    typeCode: "15507-7",
    label: "Compte rendu de passage aux urgences",
    title: "Compte rendu de passage aux urgences",
    body: (c) =>
      `Passage aux urgences de ${c.structureName} le ${c.today}.\n${agree(c.sex, "Patient", "Patiente")} : ${c.patientName}, ${bornOn(c.sex, c.birthDate)}.\n\nMotif de recours :\n…\n\nExamen et prise en charge :\n…\n\nDiagnostic retenu :\n…\n\nOrientation : retour à domicile.\nConsignes de surveillance : …\n\n${c.authorName}`,
  },
  {
    id: "dlu",
    typeCode: "74207-2",
    label: "Dossier de liaison d'urgence (DLU, EHPAD)",
    title: "Dossier de liaison d'urgence",
    body: (c) =>
      `${agree(c.sex, "Résident", "Résidente")} : ${c.patientName}, ${bornOn(c.sex, c.birthDate)}.\nÉtablissement : ${c.structureName}. Mis à jour le ${c.today}.\n\nPersonne à prévenir :\n…\n\nAntécédents et pathologies en cours :\n…\n\nTraitements en cours :\n…\n\nAllergies :\n…\n\nAutonomie, directives anticipées :\n…\n\n${c.authorName}`,
  },
];

export function getLetterTemplate(id: string): TLetterTemplate | undefined {
  return LETTER_TEMPLATES.find((t) => t.id === id);
}
