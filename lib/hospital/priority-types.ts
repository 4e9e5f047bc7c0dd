import { GENERAL_PRACTICE_SPECIALTIES } from "@/lib/reference/professions";

/**
 * The document types each professional is expected to add first, from the deck's table
 * « Type(s) de document attendu(s) en priorité » (Alimentation du DMP slide), with the
 * JDV_J66 codes of docs/DESIGN.md. The oncologist's DCC (RCP report 34794-8) has no
 * specialty code in the simulator's TRE_R38 list yet: it is listed for when it has one.
 */
export const PRIORITY_TYPES = {
  TREATING_DOCTOR: { label: "Médecin traitant : volet de synthèse médicale (VSM)", typeCodes: ["60591-5"] },
  SPECIALIST: { label: "Spécialiste : compte rendu de consultation", typeCodes: ["11488-4"] },
  ONCOLOGIST: { label: "Spécialiste en cancérologie : dossier communicant de cancérologie (DCC)", typeCodes: ["34794-8"] },
  BIOLOGIST: { label: "Biologiste : compte rendu d'examens", typeCodes: ["11502-2"] },
  RADIOLOGIST: { label: "Radiologue : compte rendu d'imagerie médicale", typeCodes: ["18748-4"] },
  PHYSIOTHERAPIST: { label: "Masseur-kinésithérapeute : bilan diagnostic kinésithérapique", typeCodes: ["47420-5"] },
  NURSE: { label: "Infirmier : bilan de soins infirmiers", typeCodes: ["11506-3"] },
  HOSPITAL: {
    label: "Établissement de santé : CR d'hospitalisation ou lettre de sortie, CR opératoire, CR d'accouchement, CR de biologie, CR de consultation",
    typeCodes: ["34112-3", "11490-0", "34874-8", "15508-5", "11502-2", "11488-4"],
  },
  EHPAD: { label: "EHPAD : dossier de liaison d'urgence (DLU)", typeCodes: ["74207-2"] },
} as const;
export type TPriorityKey = keyof typeof PRIORITY_TYPES;

/**
 * Which row applies: the EHPAD's for anyone of an EHPAD; else the professional's own
 * (general practitioner, radiologist, other doctor specialist; pharmacist biologist;
 * physiotherapist; nurse); establishment staff get the establishment's row.
 */
export function priorityKeyFor(person: { profession: string | null; specialty: string | null }, structureKind: string | null): TPriorityKey {
  if (structureKind === "EHPAD") return "EHPAD";
  switch (person.profession) {
    case "10":
      if (person.specialty && (GENERAL_PRACTICE_SPECIALTIES as readonly string[]).includes(person.specialty)) return "TREATING_DOCTOR";
      if (person.specialty === "SM44") return "RADIOLOGIST";
      return "SPECIALIST";
    case "21":
      return "BIOLOGIST";
    case "70":
      return "PHYSIOTHERAPIST";
    case "60":
      return "NURSE";
    default:
      return "HOSPITAL";
  }
}

export function priorityTypesFor(person: { profession: string | null; specialty: string | null }, structureKind: string | null): { key: TPriorityKey; label: string; typeCodes: readonly string[] } {
  const key = priorityKeyFor(person, structureKind);
  return { key, ...PRIORITY_TYPES[key] };
}

/** The types in the order a professional's form offers them: their priority types first, the others after in their own order. */
export function orderByPriority<T extends { typeCode: string }>(items: readonly T[], priority: readonly string[]): T[] {
  return [...items.filter((i) => priority.includes(i.typeCode)), ...items.filter((i) => !priority.includes(i.typeCode))];
}
