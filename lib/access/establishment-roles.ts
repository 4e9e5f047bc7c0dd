/**
 * The establishment's own roles (issue 16): who administers the document catalogue, who
 * handles the NIR requests at the admissions desk, who validates a document written in the
 * hospital simulator. Roles are read from the professional's row (Professional.establishmentRole),
 * never from input; every rule answers `{ allowed, rule }` like the other rules of lib/access.
 */

export const ESTABLISHMENT_RULES = {
  ESTABLISHMENT_ADMIN: "Administrateur de l'établissement",
  ESTABLISHMENT_ADMIN_ONLY: "Réservé à l'administrateur de l'établissement",
  ADMISSIONS_DESK: "Bureau des admissions de l'établissement",
  ADMISSIONS_ONLY: "Réservé au bureau des admissions de l'établissement",
  AUTHOR_VALIDATES: "Le médecin auteur valide son document",
  STAFF_CANNOT_VALIDATE: "Le personnel administratif prépare le document, le médecin auteur le valide",
  NOT_THE_AUTHOR: "Seul le médecin auteur valide le document",
  NOT_OF_STRUCTURE: "Professionnel d'un autre établissement",
} as const;
export type TEstablishmentRule = keyof typeof ESTABLISHMENT_RULES;

export type TEstablishmentPerson = {
  id: string;
  kind: "HEALTH_PROFESSIONAL" | "STAFF";
  structureId: string | null;
  establishmentRole: "ADMIN" | "ADMISSIONS" | null;
};

type TDecision<G extends TEstablishmentRule, D extends TEstablishmentRule> = { allowed: true; rule: G } | { allowed: false; rule: D };

/** ESTABLISHMENT_ADMIN: the establishment's catalogue is edited by its own administrator only. */
export function catalogueAdminDecision(person: TEstablishmentPerson | null, structureId: string): TDecision<"ESTABLISHMENT_ADMIN", "ESTABLISHMENT_ADMIN_ONLY"> {
  return person?.establishmentRole === "ADMIN" && person.structureId === structureId
    ? { allowed: true, rule: "ESTABLISHMENT_ADMIN" }
    : { allowed: false, rule: "ESTABLISHMENT_ADMIN_ONLY" };
}

/** ADMISSIONS_DESK: the NIR requests of an establishment are confirmed by its admissions desk only. */
export function admissionsDecision(person: TEstablishmentPerson | null, structureId: string): TDecision<"ADMISSIONS_DESK", "ADMISSIONS_ONLY"> {
  return person?.establishmentRole === "ADMISSIONS" && person.structureId === structureId
    ? { allowed: true, rule: "ADMISSIONS_DESK" }
    : { allowed: false, rule: "ADMISSIONS_ONLY" };
}

/**
 * HOSPITAL_VALIDATION: a draft is validated (and so sent to the DMP) by its author, a
 * health professional of the document's establishment — "les documents validés par le
 * médecin" of the deck. A secretary may type and save the draft, never validate it.
 * Whether the author may author the type at all is FEED's rule (mayAuthorType), checked
 * when the draft is saved.
 */
export function validationDecision(
  validator: TEstablishmentPerson | null,
  document: { structureId: string; authorId: string },
): TDecision<"AUTHOR_VALIDATES", "STAFF_CANNOT_VALIDATE" | "NOT_THE_AUTHOR" | "NOT_OF_STRUCTURE"> {
  if (!validator || validator.structureId !== document.structureId) return { allowed: false, rule: "NOT_OF_STRUCTURE" };
  if (validator.kind === "STAFF") return { allowed: false, rule: "STAFF_CANNOT_VALIDATE" };
  if (validator.id !== document.authorId) return { allowed: false, rule: "NOT_THE_AUTHOR" };
  return { allowed: true, rule: "AUTHOR_VALIDATES" };
}
