import { z } from "zod";

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ.")
  .refine((s) => !Number.isNaN(Date.parse(s)), "Date invalide.");

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

/** Filters shared by the patient and professional document lists (query-string input). */
export const ZDocumentFilters = z.object({
  typeCode: optionalText(40),
  classCode: optionalText(10),
  from: z.preprocess((v) => (v === "" ? undefined : v), ZDay.optional()),
  to: z.preprocess((v) => (v === "" ? undefined : v), ZDay.optional()),
  /** Words of the author's name (each must appear in the first or last name). */
  author: optionalText(80),
  /** One author (the FHIR author.identifier search resolves to it). */
  authorId: optionalText(40),
  source: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["PROFESSIONAL", "PATIENT", "HOSPITAL_FEED"]).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["ACTIVE", "REPLACED", "ARCHIVED"]).optional()),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(20).default(20),
});

export type TDocumentFilters = z.infer<typeof ZDocumentFilters>;

/** Parses untrusted filters; anything invalid is dropped rather than failing the page. */
export function parseDocumentFilters(input: Record<string, unknown>): TDocumentFilters {
  const parsed = ZDocumentFilters.safeParse(input);
  if (parsed.success) return parsed.data;
  const cleaned: Record<string, unknown> = { ...input };
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key === "string") delete cleaned[key];
  }
  return ZDocumentFilters.parse(cleaned);
}
