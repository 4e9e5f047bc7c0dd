import { normalizeNirInput } from "./nir";

/** INS-NIR: the NIR used as national health identifier (production). */
export const INS_NIR_OID = "1.2.250.1.213.1.4.8";
/** INS-NIR of test identities (the simulator's patients are all fictitious). */
export const INS_NIR_TEST_OID = "1.2.250.1.213.1.4.10";

export function insOid(isTest = false): string {
  return isTest ? INS_NIR_TEST_OID : INS_NIR_OID;
}

/** FHIR Identifier of the INS: { system: "urn:oid:1.2.250.1.213.1.4.8", value: NIR }. */
export function insIdentifier(nir: string, isTest = false): { system: string; value: string } {
  return { system: `urn:oid:${insOid(isTest)}`, value: normalizeNirInput(nir) };
}

/**
 * The INS as XDS metadata writes it (HL7 v2 CX): "<NIR>^^^&<OID>&ISO^NH", e.g.
 * "206127511100564^^^&1.2.250.1.213.1.4.8&ISO^NH".
 */
export function formatIns(nir: string, isTest = false): string {
  return `${normalizeNirInput(nir)}^^^&${insOid(isTest)}&ISO^NH`;
}

/** Reads a CX-formatted INS back; undefined when it is not an INS-NIR. */
export function parseInsCx(cx: string): { nir: string; isTest: boolean } | undefined {
  const match = /^([0-9AB]{15})\^\^\^&([0-9.]+)&ISO(?:\^NH)?$/.exec(cx.trim());
  if (!match) return undefined;
  const oid = match[2];
  if (oid !== INS_NIR_OID && oid !== INS_NIR_TEST_OID) return undefined;
  return { nir: match[1] as string, isTest: oid === INS_NIR_TEST_OID };
}
