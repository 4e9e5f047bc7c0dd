import { z } from "zod";

/** The longest row id a client may send (the platform's own are 25 characters). */
export const MAX_ID_LENGTH = 64;

/**
 * Whether a value a client sent could be a row id (a record, a document, a form's item): a
 * string of 1 to 64 characters. Callers answer anything else as "not found", exactly as an
 * unknown or refused id, before the database sees it: a non-string would make Prisma throw,
 * a 3,000-character one costs a lookup.
 */
export function isWellFormedId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** The same shape as a zod schema, for the ids of a form or a request body. */
export const ZRowId = z.string().min(1).max(MAX_ID_LENGTH);
