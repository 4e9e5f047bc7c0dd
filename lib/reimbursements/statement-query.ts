import { z } from "zod";
import { STATEMENT_SECTIONS, type TStatementSection, statementDay } from "./statement-layout";

/** Lines per section page. */
export const STATEMENT_PAGE_SIZE = 20;

type TSlug = TStatementSection["slug"];
const SLUGS = STATEMENT_SECTIONS.map((s) => s.slug) as [TSlug, ...TSlug[]];

/**
 * The statement's URL parameters, prefixed so they live beside a page's own (the
 * professional's record has its document filters and page): the section shown, the period
 * and one page per section.
 */
export const STATEMENT_PARAMS = {
  section: "remb_section",
  from: "remb_du",
  to: "remb_au",
  page: (slug: TSlug) => `remb_page_${slug}`,
} as const;

export const STATEMENT_PARAM_NAMES: readonly string[] = [STATEMENT_PARAMS.section, STATEMENT_PARAMS.from, STATEMENT_PARAMS.to, ...SLUGS.map(STATEMENT_PARAMS.page)];

export type TStatementQuery = { section: TSlug | null; from: string | null; to: string | null; pages: Record<TSlug, number> };

const DEFAULT_PAGES = Object.fromEntries(SLUGS.map((s) => [s, 1])) as Record<TSlug, number>;
export const DEFAULT_STATEMENT_QUERY: TStatementQuery = { section: null, from: null, to: null, pages: DEFAULT_PAGES };

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Saisissez les dates de la période au format JJ/MM/AAAA.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Cette date n'existe pas.");

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const page = optional(z.coerce.number({ error: "Le numéro de page doit être un nombre entier." }).int("Le numéro de page doit être un nombre entier.").min(1, "Le numéro de page commence à 1.").max(10_000, "Ce numéro de page est trop grand."));

const schema = z.object({
  section: optional(z.enum(["toutes", ...SLUGS], { error: "Cette rubrique n'existe pas dans le relevé." })),
  from: optional(day),
  to: optional(day),
  ...Object.fromEntries(SLUGS.map((s) => [s, page])),
});

/**
 * Reads and checks the statement's parameters. Bad input changes nothing: the statement is
 * shown unfiltered with the French message. Periods outside the 24 months are refused, as
 * the statement has nothing there.
 */
export function parseStatementQuery(
  searchParams: Record<string, string | string[] | undefined>,
  window: { from: string; to: string },
): { ok: true; query: TStatementQuery } | { ok: false; message: string; query: TStatementQuery } {
  const one = (key: string) => {
    const v = searchParams[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const parsed = schema.safeParse({
    section: one(STATEMENT_PARAMS.section),
    from: one(STATEMENT_PARAMS.from),
    to: one(STATEMENT_PARAMS.to),
    ...Object.fromEntries(SLUGS.map((s) => [s, one(STATEMENT_PARAMS.page(s))])),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Filtre invalide.", query: DEFAULT_STATEMENT_QUERY };
  const v = parsed.data as { section?: string; from?: string; to?: string } & Record<TSlug, number | undefined>;
  if (v.from && v.to && v.from > v.to) return { ok: false, message: "La date de début de la période doit précéder sa date de fin.", query: DEFAULT_STATEMENT_QUERY };
  for (const d of [v.from, v.to]) {
    if (d && (d < window.from || d > window.to)) {
      return { ok: false, message: `Le relevé couvre la période du ${statementDay(window.from)} au ${statementDay(window.to)} : choisissez des dates dans cet intervalle.`, query: DEFAULT_STATEMENT_QUERY };
    }
  }
  return {
    ok: true,
    query: {
      section: v.section && v.section !== "toutes" ? (v.section as TSlug) : null,
      from: v.from ?? null,
      to: v.to ?? null,
      pages: Object.fromEntries(SLUGS.map((s) => [s, v[s] ?? 1])) as Record<TSlug, number>,
    },
  };
}
