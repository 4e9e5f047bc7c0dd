/** Professions (TRE_G15) and doctors' specialties (TRE_R38) (docs/DESIGN.md, Reference data). */

/** TRE_G15 ProfessionSante. */
export const PROFESSION_OID = "1.2.250.1.71.1.2.7";
/** TRE_R38 SpecialiteOrdinale. */
export const SPECIALTY_OID = "1.2.250.1.71.4.2.5";
/** IdNat_PS: "8" + RPPS or "0" + ADELI. */
export const IDNAT_PS_OID = "1.2.250.1.71.4.2.1";

export const PROFESSIONS = {
  "10": "Médecin",
  "21": "Pharmacien",
  "40": "Chirurgien-dentiste",
  "50": "Sage-femme",
  "60": "Infirmier",
  "70": "Masseur-kinésithérapeute",
  "80": "Pédicure-podologue",
  "91": "Orthophoniste",
  "92": "Orthoptiste",
  "94": "Ergothérapeute",
  "95": "Diététicien",
  "98": "Manipulateur d'électroradiologie médicale",
} as const;

export type TProfessionCode = keyof typeof PROFESSIONS;

export const PROFESSION_CODES = Object.keys(PROFESSIONS) as TProfessionCode[];

export const SPECIALTIES = {
  SM02: "Anesthésie-réanimation",
  SM04: "Cardiologie",
  SM15: "Dermatologie",
  SM20: "Gynécologie-obstétrique",
  SM24: "Gastro-entérologie",
  SM26: "Médecine générale",
  SM30: "Néphrologie",
  SM32: "Neurologie",
  SM38: "Ophtalmologie",
  SM40: "Pédiatrie",
  SM42: "Psychiatrie",
  SM44: "Radio-diagnostic",
  SM53: "Médecine générale",
  SM54: "Médecine générale",
  SM59: "Médecine d'urgence",
} as const;

export type TSpecialtyCode = keyof typeof SPECIALTIES;

export const SPECIALTY_CODES = Object.keys(SPECIALTIES) as TSpecialtyCode[];

/** The three codes TRE_R38 uses for general practice (by diploma route). */
export const GENERAL_PRACTICE_SPECIALTIES: readonly TSpecialtyCode[] = ["SM26", "SM53", "SM54"];

export function isKnownProfession(code: string | null | undefined): code is TProfessionCode {
  return code != null && Object.hasOwn(PROFESSIONS, code);
}

export function isKnownSpecialty(code: string | null | undefined): code is TSpecialtyCode {
  return code != null && Object.hasOwn(SPECIALTIES, code);
}

/** French label of a profession; staff (no profession) read as establishment staff. */
export function professionLabel(code: string | null | undefined): string {
  if (code == null) return "Personnel d'établissement";
  return isKnownProfession(code) ? PROFESSIONS[code] : code;
}

export function specialtyLabel(code: string | null | undefined): string | null {
  if (code == null) return null;
  return isKnownSpecialty(code) ? SPECIALTIES[code] : code;
}

/** "Médecin – Cardiologie", "Infirmier": what a patient reads in the trace list. */
export function professionWithSpecialtyLabel(profession: string | null | undefined, specialty?: string | null): string {
  const label = professionLabel(profession);
  const spec = specialtyLabel(specialty);
  return spec ? `${label} – ${spec}` : label;
}

/**
 * The profession a trace recorded (« 10/SM04 », « 60 », null for establishment staff) as
 * a person reads it: « Médecin – Cardiologie », « Infirmier ». Screens and exports alike.
 */
export function tracedProfessionLabel(traced: string | null | undefined): string | null {
  if (!traced) return null;
  const [profession, specialty] = traced.split("/");
  return professionWithSpecialtyLabel(profession, specialty ?? null);
}

/**
 * Author specialty as written in DMP metadata: "G15_10/SM53" for a doctor with a
 * specialty, "G15_60" for a profession without one.
 */
export function authorSpecialtyCode(profession: string, specialty?: string | null): string {
  return specialty ? `G15_${profession}/${specialty}` : `G15_${profession}`;
}

/** The inverse of authorSpecialtyCode; undefined when the text is not in that form. */
export function parseAuthorSpecialtyCode(code: string): { profession: string; specialty: string | null } | undefined {
  const match = /^G15_(\d{2})(?:\/([A-Z]{2}\d{2}))?$/.exec(code.trim());
  if (!match) return undefined;
  return { profession: match[1] as string, specialty: match[2] ?? null };
}
