import { normalizeNirInput } from "./nir";

export type TIdentityTraits = { nir: string; birthDate: string; birthRank: number };

export type TIdentityTrait = keyof TIdentityTraits;

export type TIdentityMatch =
  | { outcome: "MATCH"; differences: [] }
  | { outcome: "MISMATCH"; differences: TIdentityTrait[] };

/**
 * Compares the identity a hospital (or a person opening a record) sends with the
 * record's: NIR + birth date + birth rank must all agree, the rank telling apart
 * beneficiaries who share a parent's NIR. Birth dates are "YYYY-MM-DD" strings,
 * compared as written; the NIR is compared without spaces.
 */
export function matchIdentity(candidate: TIdentityTraits, record: TIdentityTraits): TIdentityMatch {
  const differences: TIdentityTrait[] = [];
  if (normalizeNirInput(candidate.nir) !== normalizeNirInput(record.nir)) differences.push("nir");
  if (candidate.birthDate.trim() !== record.birthDate.trim()) differences.push("birthDate");
  if (candidate.birthRank !== record.birthRank) differences.push("birthRank");
  return differences.length === 0 ? { outcome: "MATCH", differences: [] } : { outcome: "MISMATCH", differences };
}

export const IDENTITY_TRAIT_LABELS: Readonly<Record<TIdentityTrait, string>> = {
  nir: "NIR",
  birthDate: "date de naissance",
  birthRank: "rang de naissance",
};
