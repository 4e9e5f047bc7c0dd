/**
 * Identifier systems and code systems of the FHIR API (IHE MHD as profiled by the ANS
 * CI-SIS "Partage de documents de santé").
 */
import { INS_NIR_OID, INS_NIR_TEST_OID } from "@/lib/identity/ins";
import { DOCUMENT_CLASS_OID, LOINC_OID, TRE_A05_OID } from "@/lib/reference/document-types";
import { HL7_CONFIDENTIALITY_OID, VISIBILITY_STATUS_OID } from "@/lib/reference/masking";

export const FHIR_JSON = "application/fhir+json";
export const FHIR_XML = "application/fhir+xml";

export const INS_SYSTEMS = [`urn:oid:${INS_NIR_OID}`, `urn:oid:${INS_NIR_TEST_OID}`] as const;
/** IdNat_PS (professionals). */
export const IDNAT_PS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";
/**
 * IdNat_Struct (ANS): a TRE_G07 prefix then the structure's number: "1" + FINESS,
 * "3" + SIRET… The simulator's structures are known by FINESS: "1" + FINESS (the bare
 * FINESS is also accepted on input).
 */
export const IDNAT_STRUCT_SYSTEM = "urn:oid:1.2.250.1.71.4.2.2";
export const FINESS_SYSTEM = IDNAT_STRUCT_SYSTEM;

export const LOINC_SYSTEMS = ["http://loinc.org", `urn:oid:${LOINC_OID}`] as const;
export const TRE_A05_SYSTEM = `urn:oid:${TRE_A05_OID}`;
export const CLASS_SYSTEM = `urn:oid:${DOCUMENT_CLASS_OID}`;
export const CONFIDENTIALITY_SYSTEMS = [
  `urn:oid:${HL7_CONFIDENTIALITY_OID}`,
  "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
] as const;
export const VISIBILITY_SYSTEM = `urn:oid:${VISIBILITY_STATUS_OID}`;
export const UNIQUE_ID_SYSTEM = "urn:ietf:rfc:3986";

export const MHD_LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
export const MHD_SOURCE_ID_EXTENSION = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId";
/** The simulator's own extension on a looked-up Patient: how the caller may open the record now. */
export const RECORD_ACCESS_EXTENSION = "https://dmp-sim.invalid/fhir/StructureDefinition/record-access";
export const MHD_SUBMISSION_SET_PROFILE = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.SubmissionSet";

/** A request body above this is refused before parsing (Content-Length and counted bytes). */
export const MAX_REQUEST_BYTES = 15 * 1024 * 1024;
/** At most this many DocumentReference per bundle. */
export const MAX_DOCUMENTS_PER_BUNDLE = 20;

/** The FHIR base path of the API on this server. */
export const FHIR_BASE_PATH = "/api/fhir";
export const TOKEN_PATH = "/api/oauth/token";
/** Indirect mode: the professional acting for the structure, by IdNat_PS. */
export const PROFESSIONAL_HEADER = "x-dmp-professional";
