import { DOCUMENT_TYPE_CODES, PATIENT_DOCUMENT_TYPES, documentTypeLabel } from "@/lib/reference/document-types";
import { PROFESSION_CODES, type TProfessionCode } from "@/lib/reference/professions";

/**
 * The habilitation matrix the simulator ships (arrêté du 26 octobre 2023). Its annex is
 * not public in machine form: this matrix is built on the known rows (docs/DESIGN.md, Reference data) and
 * is the simulator's own assumption, editable by an operator. One row per profession x
 * type with specialty "*"; no specialty override is shipped (the policy still honours
 * the ones an operator adds).
 */
export type THabilitationRow = {
  profession: string;
  /** "*" = every specialty of the profession. */
  specialty: string;
  typeCode: string;
  canRead: boolean;
};

const ALL = "ALL" as const;

/**
 * The matrix row of the health profile (profil médical: history, allergies, treatments,
 * vaccinations, measurements, emergency information). Not a document type: the
 * HEALTH_PROFILE rule of lib/access reads it as REIMBURSEMENTS reads REMB.
 */
export const HEALTH_PROFILE_ROW = "PROFIL_MEDICAL";

/** The French name of a matrix row: a document type's label, or « Profil médical ». */
export function matrixRowLabel(code: string): string {
  return code === HEALTH_PROFILE_ROW ? "Profil médical" : documentTypeLabel(code);
}

/** What the matrix has rows for: every document type, then the health profile. */
export const MATRIX_ROW_CODES: readonly string[] = [...DOCUMENT_TYPE_CODES, HEALTH_PROFILE_ROW];

/** The types each profession may read; ALL means every type. */
const READABLE: Readonly<Record<TProfessionCode, typeof ALL | readonly string[]>> = {
  // Doctors read every type (the only exclusion known, the residence certificate, is
  // not a type of this simulator).
  "10": ALL,
  // Pharmacists: what bears on drugs and their dispensation; no RCP, pathology,
  // operative, delivery or anaesthesia report, no ALD protocol, no auxiliary reports,
  // nothing from the patient's personal space.
  "21": [
    "11490-0", "34112-3", "11488-4", "11502-2", "15507-7", "57833-6", "57832-8", "60593-1",
    "60591-5", "74207-2", "18761-7", "34133-9", "18776-5", "11369-6", "REMB", HEALTH_PROFILE_ROW,
  ],
  // Dentists: no EHPAD or care-project documents, no delivery, RCP or auxiliaries'
  // reports, nothing from the patient's personal space.
  "40": [
    "11490-0", "34112-3", "34874-8", "11488-4", "18748-4", "11502-2", "15507-7", "60568-3",
    "34749-2", "57833-6", "57832-8", "60593-1", "60591-5", "18761-7", "34133-9", "11369-6",
    "PROT_ALD", "REMB", HEALTH_PROFILE_ROW,
  ],
  // Midwives: close to doctors; no cancer RCP and no EHPAD emergency liaison document.
  "50": ALL,
  // Nurses: care documents and the patient's own documents; no RCP, pathology,
  // anaesthesia or delivery report, no reimbursement data.
  "60": ALL,
  "70": ["11490-0", "34874-8", "11488-4", "18748-4", "47420-5", "11506-3", "57832-8", "60591-5", "18761-7", "34133-9", "18776-5"],
  "80": ["11488-4", "18748-4", "11502-2", "47420-5", "57832-8", "60591-5", "18776-5"],
  "91": ["11490-0", "11488-4", "47420-5", "57832-8", "60591-5", "18776-5"],
  "92": ["11488-4", "47420-5", "57832-8", "60591-5"],
  "94": ["11490-0", "47420-5", "11506-3", "57832-8", "60591-5", "18776-5"],
  "95": ["11488-4", "11502-2", "47420-5", "57832-8", "60591-5", "18776-5"],
  // The health profile (allergies, treatments) matters before an injection.
  "98": ["18748-4", "11502-2", "57832-8", "60591-5", HEALTH_PROFILE_ROW],
};

/** Exceptions to ALL, for the professions that read "everything but". */
const DENIED_FROM_ALL: Readonly<Partial<Record<TProfessionCode, readonly string[]>>> = {
  "50": ["34794-8", "74207-2"],
  "60": ["34794-8", "60568-3", "34749-2", "15508-5", "REMB"],
};

function canReadByDefault(profession: TProfessionCode, typeCode: string): boolean {
  const readable = READABLE[profession];
  if (readable === ALL) return !(DENIED_FROM_ALL[profession] ?? []).includes(typeCode);
  return readable.includes(typeCode);
}

export const DEFAULT_HABILITATION_MATRIX: readonly THabilitationRow[] = PROFESSION_CODES.flatMap((profession) =>
  MATRIX_ROW_CODES.map((typeCode) => ({
    profession,
    specialty: "*",
    typeCode,
    canRead: canReadByDefault(profession, typeCode),
  })),
);

/** Why each profession reads what it reads, in French, for the README and operator page. */
export const MATRIX_RATIONALE: Readonly<Record<TProfessionCode, string>> = {
  "10": "Les médecins lisent tous les types de documents (la seule exclusion connue de l'arrêté, le certificat de résidence, n'existe pas dans le simulateur).",
  "21": "Les pharmaciens lisent ce qui concerne les médicaments et leur délivrance (ordonnances, dispensations, synthèses, biologie, comptes rendus de séjour et de consultation, vaccinations, remboursements) ; pas de RCP, d'anatomopathologie, de compte rendu opératoire, d'accouchement ou d'anesthésie, ni de protocole ALD, ni les documents déposés par le patient.",
  "40": "Les chirurgiens-dentistes n'ont pas accès aux documents EHPAD et projets de soins (DLU, plan personnalisé de soins), aux comptes rendus d'accouchement, de RCP et des auxiliaires médicaux, ni aux documents déposés par le patient.",
  "50": "Les sages-femmes lisent comme les médecins, sauf les comptes rendus de RCP de cancérologie et le document de liaison d'urgence des EHPAD.",
  "60": "Les infirmiers lisent les documents utiles aux soins et les documents du patient ; pas de RCP, d'anatomopathologie, de consultation pré-anesthésique, d'accouchement, ni les remboursements.",
  "70": "Les masseurs-kinésithérapeutes lisent les prescriptions de soins, bilans fonctionnels, imagerie, comptes rendus opératoires, de consultation et de sortie, synthèses et plans de soins.",
  "80": "Les pédicures-podologues lisent les prescriptions de soins, bilans fonctionnels, imagerie et biologie (suivi du pied diabétique), consultations, synthèse médicale et plan de soins.",
  "91": "Les orthophonistes lisent les prescriptions de soins, bilans fonctionnels, consultations, lettres de sortie, synthèse médicale et plan de soins.",
  "92": "Les orthoptistes lisent les prescriptions de soins, bilans fonctionnels, consultations et la synthèse médicale.",
  "94": "Les ergothérapeutes lisent les prescriptions de soins, bilans fonctionnels, suivis de soins, lettres de sortie, synthèse médicale et plan de soins.",
  "95": "Les diététiciens lisent les prescriptions de soins, bilans fonctionnels, consultations, la biologie, la synthèse médicale et le plan de soins.",
  "98": "Les manipulateurs d'électroradiologie lisent l'imagerie, la biologie (fonction rénale avant injection), les prescriptions de soins et la synthèse médicale (allergies).",
};

/** Who reads the health profile by default, in French (README, operator page). */
export const HEALTH_PROFILE_RATIONALE =
  "Le profil médical (antécédents, allergies, traitements, vaccinations, mesures, directives anticipées, personne de confiance, don d'organes) est lu par les médecins, sages-femmes, infirmiers, pharmaciens, chirurgiens-dentistes et manipulateurs d'électroradiologie ; pas par les autres auxiliaires médicaux.";

/** Patient-deposited types are readable by doctors, midwives and nurses only. */
export const PATIENT_TYPES_READERS: readonly string[] = PROFESSION_CODES.filter((p) =>
  PATIENT_DOCUMENT_TYPES.every((code) => canReadByDefault(p, code)),
);
