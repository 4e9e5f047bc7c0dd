/**
 * Document classes (JDV_J57) and types (JDV_J66) of the DMP (docs/DESIGN.md, Reference data).
 * Type codes are LOINC unless they belong to the French TRE_A05 terminology.
 */

export const LOINC_OID = "2.16.840.1.113883.6.1";
/** TRE_A05 TypeDocComplementaire (DOCPAT.., EXPPAT_.., PROT_ALD, REMB). */
export const TRE_A05_OID = "1.2.250.1.213.1.1.4.12";
/** Code system of the JDV_J57 class codes. */
export const DOCUMENT_CLASS_OID = "1.2.250.1.213.1.1.4.1";

export const DOCUMENT_CLASSES = {
  "10": "Compte rendu",
  "11": "Synthèse",
  "31": "Imagerie médicale",
  "42": "Prescription",
  "43": "Dispensation",
  "44": "Plan de soins",
  "45": "Traitement administré",
  "52": "Certificat",
  "60": "Données de remboursement",
  "90": "Documents déposés par le patient",
  "95": "Document de gestion",
} as const;

export type TDocumentClassCode = keyof typeof DOCUMENT_CLASSES;

export type TDocumentTypeSystem = "LOINC" | "TRE_A05";

export type TDocumentType = {
  code: string;
  system: TDocumentTypeSystem;
  label: string;
  classCode: TDocumentClassCode;
  /** Deposited by the patient (or a legal representative) in the personal space. */
  isPatientType: boolean;
};

function loinc(code: string, label: string, classCode: TDocumentClassCode): TDocumentType {
  return { code, system: "LOINC", label, classCode, isPatientType: false };
}

function treA05(code: string, label: string, classCode: TDocumentClassCode, isPatientType = false): TDocumentType {
  return { code, system: "TRE_A05", label, classCode, isPatientType };
}

/** Every type of JDV_J66 the simulator knows, in the order the UI lists them. */
export const DOCUMENT_TYPES: readonly TDocumentType[] = [
  loinc("11490-0", "Lettre de liaison à la sortie d'un établissement de soins", "10"),
  loinc("34112-3", "Compte rendu hospitalier (séjour)", "10"),
  loinc("34874-8", "Compte rendu opératoire", "10"),
  loinc("11488-4", "Compte rendu ou fiche de consultation ou de visite", "10"),
  loinc("18748-4", "Compte rendu d'imagerie médicale", "31"),
  loinc("11502-2", "Compte rendu d'examens biologiques", "10"),
  loinc("15508-5", "Compte rendu d'accouchement", "10"),
  loinc("15507-7", "Compte rendu de passage aux urgences", "10"),
  loinc("47420-5", "Compte rendu de bilan fonctionnel (auxiliaire médical)", "10"),
  loinc("11506-3", "Compte rendu ou fiche de suivi de soins par auxiliaire médical", "10"),
  loinc("34794-8", "Compte rendu de réunion de concertation pluridisciplinaire", "10"),
  loinc("60568-3", "Compte rendu d'anatomie et de cytologie pathologiques", "10"),
  loinc("34749-2", "Compte rendu de consultation pré-anesthésique", "10"),
  loinc("57833-6", "Prescription de produits de santé", "42"),
  loinc("57832-8", "Prescription de soins", "42"),
  loinc("60593-1", "Dispensation médicamenteuse", "43"),
  loinc("60591-5", "Synthèse médicale", "11"),
  loinc("74207-2", "Document de liaison d'urgence (DLU)", "11"),
  loinc("18761-7", "Note de transfert", "11"),
  loinc("34133-9", "Synthèse d'épisode de soins", "11"),
  loinc("18776-5", "Plan personnalisé de soins", "44"),
  loinc("11369-6", "Historique des vaccinations", "52"),
  treA05("PROT_ALD", "Protocole de soins ALD", "44"),
  treA05("REMB", "Données de remboursement", "60"),
  treA05("DOCPAT01", "Synthèse (déposée par le patient)", "90", true),
  treA05("DOCPAT02", "Traitement (déposé par le patient)", "90", true),
  treA05("DOCPAT03", "Compte rendu (déposé par le patient)", "90", true),
  treA05("DOCPAT04", "Imagerie (déposée par le patient)", "90", true),
  treA05("DOCPAT05", "Biologie (déposée par le patient)", "90", true),
  treA05("DOCPAT06", "Prévention (déposée par le patient)", "90", true),
  treA05("DOCPAT07", "Certificat (déposé par le patient)", "90", true),
  treA05("DOCPAT08", "Profil médical (déposé par le patient)", "90", true),
  treA05("DOCPAT09", "Document administratif (déposé par le patient)", "90", true),
  treA05("EXPPAT_1", "Volontés et droits du patient", "90", true),
  treA05("EXPPAT_2", "Autre document du patient", "90", true),
  treA05("EXPPAT_3", "Directives anticipées", "90", true),
];

const BY_CODE: ReadonlyMap<string, TDocumentType> = new Map(DOCUMENT_TYPES.map((t) => [t.code, t]));

export const DOCUMENT_TYPE_CODES: readonly string[] = DOCUMENT_TYPES.map((t) => t.code);

/** Types a patient (or legal representative) may add in the personal space. */
export const PATIENT_DOCUMENT_TYPES: readonly string[] = DOCUMENT_TYPES.filter((t) => t.isPatientType).map((t) => t.code);

/** Types produced by professionals, structures or the health insurance. */
export const PROFESSIONAL_DOCUMENT_TYPES: readonly string[] = DOCUMENT_TYPES.filter((t) => !t.isPatientType).map(
  (t) => t.code,
);

export function isKnownDocumentType(code: string): boolean {
  return BY_CODE.has(code);
}

export function getDocumentType(code: string): TDocumentType | undefined {
  return BY_CODE.get(code);
}

/** The French label, or the code itself for a type we do not know (never throws in the UI). */
export function documentTypeLabel(code: string): string {
  return BY_CODE.get(code)?.label ?? code;
}

/** The JDV_J57 class of a type, or undefined for an unknown type. */
export function classOfType(code: string): TDocumentClassCode | undefined {
  return BY_CODE.get(code)?.classCode;
}

export function documentClassLabel(classCode: string): string {
  return (DOCUMENT_CLASSES as Record<string, string>)[classCode] ?? classCode;
}

/** The OID of the terminology a type code belongs to (FHIR/XDS metadata). */
export function documentTypeSystemOid(code: string): string | undefined {
  const type = BY_CODE.get(code);
  if (!type) return undefined;
  return type.system === "LOINC" ? LOINC_OID : TRE_A05_OID;
}

export function isPatientDocumentType(code: string): boolean {
  return BY_CODE.get(code)?.isPatientType ?? false;
}
