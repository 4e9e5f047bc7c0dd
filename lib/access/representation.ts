/** Age of majority (Code civil, art. 414): a legal representation ends by itself that day. */
export const ADULT_AGE = 18;

// Made once: building an Intl formatter costs more than the record access it serves.
const PARIS_DAY = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in France (YYYY-MM-DD): a birthday starts at midnight in Paris. */
export function parisDay(now: Date): string {
  return PARIS_DAY.format(now);
}

/**
 * The latest birth date of a person who is an adult on that day: born on or before it,
 * adult; born after it, minor. Birth dates are stored as YYYY-MM-DD, so the comparison is
 * a string comparison the database can do too (loadAccessContext).
 */
export function adulthoodCutoff(now: Date): string {
  const day = parisDay(now);
  return `${String(Number(day.slice(0, 4)) - ADULT_AGE).padStart(4, "0")}${day.slice(4)}`;
}

/** Is a person born on birthDate under 18 on that day (in France)? */
export function isMinorOn(birthDate: string, now: Date): boolean {
  return birthDate > adulthoodCutoff(now);
}

/**
 * Is a legal representation of a person born on birthDate still in force on that day?
 * Only while they are a minor: from their 18th birthday their representatives lose access
 * at once, with no job to run.
 */
export function isRepresentationInForce(birthDate: string, now: Date): boolean {
  return isMinorOn(birthDate, now);
}

/** A represented person, in force or not, as the patient portal lists them. */
export type TRepresentedPerson = { patientId: string; name: string; birthDate: string; relationship: string };

/**
 * Splits an account's representations: the minors it may still act for, and the young
 * adults it represented, who must now open their own access.
 */
export function splitRepresentations<T extends { birthDate: string }>(people: readonly T[], now: Date): { minors: T[]; cameOfAge: T[] } {
  return {
    minors: people.filter((p) => isRepresentationInForce(p.birthDate, now)),
    cameOfAge: people.filter((p) => !isRepresentationInForce(p.birthDate, now)),
  };
}
