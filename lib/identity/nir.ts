import { AppError } from "@/lib/errors/app-error";

/**
 * NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale"):
 * sex (1) · birth year (2) · birth month (2) · birth place (5: département + commune,
 * "2A"/"2B" for Corsica) · order (3) · key (2). Key = 97 − (13 digits mod 97), Corsica's
 * "2A" and "2B" counting as 19 and 18.
 */

// Sex: 1/2 for a registered person, 3/4 and 7/8 for provisional numbers (odd = man).
// Month: 01-12, or 20 and above when the month is unknown (INSEE pseudo-months).
const NIR13 = /^[123478]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{6}$/;

function invalid(message: string): AppError {
  return new AppError("INVALID_NIR", message);
}

/** Removes the spaces people type and upper-cases the Corsican letter. */
export function normalizeNirInput(input: string): string {
  return input.replace(/[\s\u00a0.\-]/g, "").toUpperCase();
}

/** The 13 characters as the number the key is computed on. */
function numericValue(nir13: string): bigint {
  const place = nir13.slice(5, 7);
  const digits = place === "2A" ? `${nir13.slice(0, 5)}19${nir13.slice(7)}` : place === "2B" ? `${nir13.slice(0, 5)}18${nir13.slice(7)}` : nir13;
  return BigInt(digits);
}

/** The two-digit key of a 13-character NIR ("2061275111005" → "64"). Throws AppError INVALID_NIR. */
export function computeNirKey(nir13: string): string {
  const nir = normalizeNirInput(nir13);
  if (!NIR13.test(nir)) throw invalid("Le NIR doit comporter 13 caractères valides avant la clé.");
  const key = 97n - (numericValue(nir) % 97n);
  return key.toString().padStart(2, "0");
}

/** True when a 15-character NIR is well formed and its key is right. Never throws. */
export function isValidNir(nir15: string): boolean {
  if (typeof nir15 !== "string" || nir15.length !== 15) return false;
  const body = nir15.slice(0, 13);
  if (!NIR13.test(body) || !/^\d{2}$/.test(nir15.slice(13))) return false;
  return computeNirKey(body) === nir15.slice(13);
}

/**
 * Reads a NIR as typed ("2 06 12 75 111 005 64") and returns its 15 normalized
 * characters, or throws AppError("INVALID_NIR") with a French reason.
 */
export function parseNir(input: string): string {
  if (typeof input !== "string") throw invalid("Saisissez le numéro de sécurité sociale (NIR).");
  const nir = normalizeNirInput(input);
  if (nir === "") throw invalid("Saisissez le numéro de sécurité sociale (NIR).");
  if (nir.length !== 15) throw invalid("Le NIR doit comporter 15 caractères (13 caractères et une clé de 2 chiffres).");
  const body = nir.slice(0, 13);
  const key = nir.slice(13);
  if (!/^\d{2}$/.test(key) || !/^[0-9]{5}(?:\d{2}|2[AB])\d{6}$/.test(body)) {
    throw invalid("Le NIR ne doit contenir que des chiffres (et 2A ou 2B pour une naissance en Corse).");
  }
  if (!NIR13.test(body)) throw invalid("Le NIR n'a pas un format valide (sexe ou mois de naissance incorrect).");
  if (computeNirKey(body) !== key) throw invalid("La clé du NIR ne correspond pas au numéro saisi.");
  return nir;
}

/** "206127511100564" → "2 06 12 75 111 005 64" (13 characters are formatted without key). */
export function formatNir(nir: string): string {
  const n = normalizeNirInput(nir);
  const parts = [n.slice(0, 1), n.slice(1, 3), n.slice(3, 5), n.slice(5, 7), n.slice(7, 10), n.slice(10, 13), n.slice(13, 15)];
  return parts.filter((p) => p !== "").join(" ");
}

/** The sex the NIR encodes (odd first digit = man). */
export function nirSex(nir: string): "M" | "F" {
  return Number(normalizeNirInput(nir).slice(0, 1)) % 2 === 1 ? "M" : "F";
}

export type TNirConsistencyIssue = "SEX" | "BIRTH_YEAR" | "BIRTH_MONTH";

/**
 * The traits of a person that disagree with their own NIR. Not meant for a child
 * covered under a parent's NIR (everything would differ): call it on a person's own
 * number only. A pseudo-month (unknown month, 20+) is not compared.
 */
export function nirConsistencyIssues(nir: string, person: { sex: "M" | "F"; birthDate: string }): TNirConsistencyIssue[] {
  const n = normalizeNirInput(nir);
  const issues: TNirConsistencyIssue[] = [];
  if (nirSex(n) !== person.sex) issues.push("SEX");
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(person.birthDate);
  if (!match) return [...issues, "BIRTH_YEAR", "BIRTH_MONTH"];
  if (n.slice(1, 3) !== (match[1] as string).slice(2)) issues.push("BIRTH_YEAR");
  const month = n.slice(3, 5);
  if (Number(month) <= 12 && month !== match[2]) issues.push("BIRTH_MONTH");
  return issues;
}

/** Builds a valid 15-character NIR from its parts (seed data, tests). */
export function buildNir(parts: { sex: "M" | "F"; birthDate: string; place: string; order: number }): string {
  const [year, month] = parts.birthDate.split("-");
  const body = `${parts.sex === "M" ? "1" : "2"}${(year ?? "").slice(2)}${month ?? ""}${parts.place}${String(parts.order).padStart(3, "0")}`;
  return `${body}${computeNirKey(body)}`;
}
