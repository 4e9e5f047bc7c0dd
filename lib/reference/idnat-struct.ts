/**
 * IdNat_Struct, the national identifier of a health structure (ANS, "identifiant national
 * de structure"): a TRE_G07 prefix saying which register the number comes from, then the
 * number. The simulator's structures are known by their FINESS (the model has no SIRET),
 * so the identifier it writes is "1" + FINESS, in the structure certificates (subject
 * serialNumber) as in the FHIR resources (custodian, SubmissionSet source).
 */

/** TRE_G07 "type d'identifiant structure": the prefix of an IdNat_Struct. */
export const IDNAT_STRUCT_PREFIX = { FINESS: "1", SIREN: "2", SIRET: "3", RPPS_RANG: "4" } as const;

/** The IdNat_Struct of a structure known by its FINESS: "1" + FINESS. */
export function structureIdNat(finess: string): string {
  return `${IDNAT_STRUCT_PREFIX.FINESS}${finess}`;
}

export type TStructureIdentifier =
  | { ok: true; finess: string }
  | { ok: false; reason: string };

const FINESS = /^\d{9}$|^2[AB]\d{7}$/;

/**
 * Reads an IdNat_Struct (or a bare FINESS) sent by a client. "1" + FINESS gives the FINESS;
 * "3" + SIRET is a valid identifier the simulator cannot place (its structures have no
 * SIRET); "3" followed by a FINESS is the old mistake (3 means SIRET) and is refused with
 * the right form.
 */
export function parseStructureIdNat(raw: string | undefined): TStructureIdentifier {
  const value = (raw ?? "").trim();
  if (FINESS.test(value)) return { ok: true, finess: value };
  const prefix = value.slice(0, 1);
  const number = value.slice(1);
  if (prefix === IDNAT_STRUCT_PREFIX.FINESS && FINESS.test(number)) return { ok: true, finess: number };
  if (prefix === IDNAT_STRUCT_PREFIX.SIRET && /^\d{14}$/.test(number)) {
    return { ok: false, reason: "« 3 » + SIRET est un IdNat_Struct valide, mais les structures du simulateur sont identifiées par leur FINESS : envoyez « 1 » + FINESS." };
  }
  if (prefix === IDNAT_STRUCT_PREFIX.SIRET && FINESS.test(number)) {
    return { ok: false, reason: "le préfixe « 3 » désigne un SIRET (14 chiffres) : pour un FINESS, l'IdNat_Struct est « 1 » + FINESS." };
  }
  return { ok: false, reason: "IdNat_Struct attendu : « 1 » + FINESS (TRE_G07), ou le FINESS seul." };
}
