import { PROFESSIONAL_DOCUMENT_TYPES } from "./document-types";

/**
 * Which document types a professional may AUTHOR (submit) in a record. The real DMP
 * leaves this to the professional's software; the simulator picks a rule from each
 * profession's scope of practice (documented in the README):
 * - doctors: every professional type except REMB, which only the health insurance
 *   produces;
 * - pharmacists: dispensation, vaccinations (they vaccinate) and biology reports
 *   (medical biologists are often pharmacists);
 * - dentists: consultation reports, prescriptions and (dental) imaging reports;
 * - midwives: delivery reports, consultations, prescriptions, vaccinations;
 * - nurses: care follow-up, care plans, vaccinations and the EHPAD emergency liaison
 *   document they usually fill in;
 * - physiotherapists, podiatrists, speech therapists, orthoptists, occupational
 *   therapists, dieticians: their functional assessment report;
 * - radiographers (manipulateurs ERM) and establishment staff author nothing in their
 *   own name (a radiologist signs the imaging report).
 */
const BY_PROFESSION: Readonly<Record<string, readonly string[]>> = {
  "10": PROFESSIONAL_DOCUMENT_TYPES.filter((code) => code !== "REMB"),
  "21": ["60593-1", "11369-6", "11502-2"],
  "40": ["11488-4", "57833-6", "18748-4"],
  "50": ["15508-5", "11488-4", "57833-6", "57832-8", "11369-6"],
  "60": ["11506-3", "18776-5", "11369-6", "74207-2"],
  "70": ["47420-5"],
  "80": ["47420-5"],
  "91": ["47420-5"],
  "92": ["47420-5"],
  "94": ["47420-5"],
  "95": ["47420-5"],
  "98": [],
};

/**
 * The type codes this profession may author. The specialty does not narrow the list
 * today (every doctor may write every report) but is part of the signature so a
 * specialty rule can be added without touching callers.
 */
export function authorableTypes(profession: string | null | undefined, _specialty?: string | null): readonly string[] {
  if (profession == null) return [];
  return BY_PROFESSION[profession] ?? [];
}

export function canAuthorType(profession: string | null | undefined, specialty: string | null | undefined, typeCode: string): boolean {
  return authorableTypes(profession, specialty).includes(typeCode);
}
