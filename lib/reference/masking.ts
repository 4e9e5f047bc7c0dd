/**
 * Confidentiality (HL7 v3 N/R/V) and visibility (TRE_A07) codes of a DMP document,
 * JDV_J58, and the translation to the three booleans the Document row stores.
 */

/** JDV_J58 ConfidentialityCode DMP. */
export const CONFIDENTIALITY_VALUE_SET_OID = "1.2.250.1.213.1.1.5.9";
export const HL7_CONFIDENTIALITY_OID = "2.16.840.1.113883.5.25";
/** TRE_A07 StatutVisibiliteDocument. */
export const VISIBILITY_STATUS_OID = "1.2.250.1.213.1.1.4.13";

export const CONFIDENTIALITY_LEVELS = {
  N: "Normal",
  R: "Restreint",
  V: "Très restreint",
} as const;

export type TConfidentialityCode = keyof typeof CONFIDENTIALITY_LEVELS;

export const MASKING_CODES = {
  MASQUE_PS: {
    display: "Masqué aux professionnels de santé",
    uiLabel: "Masqué aux PS",
    flag: "hiddenFromPros",
  },
  INVISIBLE_PATIENT: {
    display: "Non visible par le patient",
    uiLabel: "Invisible au patient",
    flag: "hiddenFromPatient",
  },
  INVISIBLE_REPRESENTANTS_LEGAUX: {
    display: "Non visible par les représentants légaux",
    uiLabel: "Invisible aux représentants légaux",
    flag: "hiddenFromLegalReps",
  },
} as const;

export type TMaskingCode = keyof typeof MASKING_CODES;

export const MASKING_CODE_LIST = Object.keys(MASKING_CODES) as TMaskingCode[];

export const NOT_MASKED_LABEL = "Non masqué";

export type TMaskingFlags = {
  hiddenFromPros: boolean;
  hiddenFromPatient: boolean;
  hiddenFromLegalReps: boolean;
};

export type TCoding = { system: string; code: string; display: string };

export function isConfidentialityCode(code: string): code is TConfidentialityCode {
  return Object.hasOwn(CONFIDENTIALITY_LEVELS, code);
}

export function isMaskingCode(code: string): code is TMaskingCode {
  return Object.hasOwn(MASKING_CODES, code);
}

/** The TRE_A07 codes a document carries, in a stable order. */
export function maskingCodesFromFlags(flags: TMaskingFlags): TMaskingCode[] {
  return MASKING_CODE_LIST.filter((code) => flags[MASKING_CODES[code].flag]);
}

/**
 * The Document booleans from a list of security codes as received (FHIR meta.security,
 * XDS confidentialityCode). N/R/V are not visibility codes and are skipped here; any
 * other unknown code is returned in `unknown` so the caller can reject the submission.
 */
export function flagsFromMaskingCodes(codes: readonly string[]): TMaskingFlags & { unknown: string[] } {
  const flags: TMaskingFlags = { hiddenFromPros: false, hiddenFromPatient: false, hiddenFromLegalReps: false };
  const unknown: string[] = [];
  for (const code of codes) {
    if (isMaskingCode(code)) flags[MASKING_CODES[code].flag] = true;
    else if (!isConfidentialityCode(code)) unknown.push(code);
  }
  return { ...flags, unknown };
}

/** The French labels the UI shows for a document ("Non masqué" when none applies). */
export function maskingLabels(flags: TMaskingFlags): string[] {
  const codes = maskingCodesFromFlags(flags);
  return codes.length === 0 ? [NOT_MASKED_LABEL] : codes.map((c) => MASKING_CODES[c].uiLabel);
}

/** All security codings of a document: its N/R/V level then its TRE_A07 codes. */
export function securityCodings(confidentiality: TConfidentialityCode, flags: TMaskingFlags): TCoding[] {
  return [
    { system: HL7_CONFIDENTIALITY_OID, code: confidentiality, display: CONFIDENTIALITY_LEVELS[confidentiality] },
    ...maskingCodesFromFlags(flags).map((code) => ({
      system: VISIBILITY_STATUS_OID,
      code,
      display: MASKING_CODES[code].display,
    })),
  ];
}
