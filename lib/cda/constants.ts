/**
 * CDA R2 as the ANS CI-SIS profiles it for the DMP ("Volet Structuration minimale des
 * documents de santé" and the content volets such as the VSM).
 */
import { INS_NIR_OID, INS_NIR_TEST_OID } from "@/lib/identity/ins";

export const CDA_NAMESPACE = "urn:hl7-org:v3";
/** The media type a CDA document is sent and stored with (XDS mimeType of the DMP). */
export const CDA_MEDIA_TYPE = "text/xml";
/** A CDA is refused above this size before any parsing (as any document, 10 MB). */
export { MAX_UPLOAD_BYTES as MAX_CDA_BYTES } from "@/lib/documents/check-upload";

export const INS_OIDS: readonly string[] = [INS_NIR_OID, INS_NIR_TEST_OID];
/** IdNat_PS: the national identifier of a health professional. */
export const IDNAT_PS_OID = "1.2.250.1.71.4.2.1";
/** IdNat_Struct: the national identifier of a structure ("1" + FINESS, "3" + SIRET…). */
export const IDNAT_STRUCT_OID = "1.2.250.1.71.4.2.2";

/** Template of the French CDA header (HL7 France) and of the CI-SIS "structuration minimale". */
export const HL7_FRANCE_HEADER_TEMPLATE = "2.16.840.1.113883.2.8.2.1";
export const CISIS_MINIMAL_TEMPLATE = "1.2.250.1.213.1.1.1.1";
/** IHE XDS-SD: a scanned or PDF document wrapped in a CDA nonXMLBody. */
export const XDS_SD_TEMPLATE = "1.3.6.1.4.1.19376.1.2.20";
export const VSM_TEMPLATE = "1.2.250.1.213.1.1.1.13";

/** The code systems of the formatCode (IHE format codes, TRE_A06 of the ANS). */
export const IHE_FORMAT_CODE_OID = "1.3.6.1.4.1.19376.1.2.3";
export const TRE_A06_FORMAT_CODE_OID = "1.2.250.1.213.1.1.4.2.282";

export type TCdaBodyKind = "pdf" | "structured";

export type TCdaFormat = { code: string; system: string; label: string; body: TCdaBodyKind };

/**
 * The formatCodes (JDV_J10 of the CI-SIS) the platform accepts for a CDA document, each
 * with the body it requires: the "structuration minimale" with its PDF in a nonXMLBody,
 * and structured volets whose structuredBody is rendered section by section.
 */
export const CDA_FORMATS: readonly TCdaFormat[] = [
  { code: "urn:ihe:iti:xds-sd:pdf:2008", system: IHE_FORMAT_CODE_OID, label: "Structuration minimale — corps non structuré PDF", body: "pdf" },
  { code: "urn:asip:ci-sis:vsm:2012", system: TRE_A06_FORMAT_CODE_OID, label: "Volet de synthèse médicale (VSM)", body: "structured" },
  { code: "urn:asip:ci-sis:vac-note:2021", system: TRE_A06_FORMAT_CODE_OID, label: "Note de vaccination", body: "structured" },
];

export function getCdaFormat(code: string | undefined): TCdaFormat | undefined {
  return CDA_FORMATS.find((f) => f.code === code);
}

/** True for the content types under which a CDA document is sent. */
export function isCdaContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  return type === CDA_MEDIA_TYPE || type === "application/xml" || type === "application/hl7-cda+xml";
}

/** The Coding of a CDA format, as DocumentReference.content.format carries it. */
export function cdaFormatCoding(format: TCdaFormat): { system: string; code: string; display: string } {
  return { system: `urn:oid:${format.system}`, code: format.code, display: format.label };
}
