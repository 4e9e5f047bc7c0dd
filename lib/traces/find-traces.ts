import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { patientSideReasonSql, patientSideTraceCountSql, patientSideTraceSql } from "@/lib/access/trace-visibility-sql";
import { TRACE_ACTIONS, traceActionLabel } from "./trace-actions";
import { tracedProfessionLabel } from "@/lib/reference/professions";
import { queryRows } from "@/lib/db/raw-sql";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)));

export const ZTraceFilters = z.object({
  actorId: z.preprocess(emptyToUndefined, z.string().max(64).optional()),
  /** Words of the professional's name, as traced (each must appear in it). */
  actor: z.preprocess(emptyToUndefined, z.string().trim().max(80).optional()),
  action: z.preprocess(emptyToUndefined, z.enum(Object.keys(TRACE_ACTIONS) as [keyof typeof TRACE_ACTIONS]).optional()),
  mode: z.preprocess(emptyToUndefined, z.enum(["NORMAL", "SAMU", "BREAK_GLASS"]).optional()),
  from: z.preprocess(emptyToUndefined, ZDay.optional()),
  to: z.preprocess(emptyToUndefined, ZDay.optional()),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(20).default(20),
});

export type TTraceFilters = z.infer<typeof ZTraceFilters>;

/** Untrusted query-string filters: invalid ones are dropped. */
export function parseTraceFilters(input: Record<string, unknown>): TTraceFilters {
  const parsed = ZTraceFilters.safeParse(input);
  if (parsed.success) return parsed.data;
  const cleaned: Record<string, unknown> = { ...input };
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key === "string") delete cleaned[key];
  }
  return ZTraceFilters.parse(cleaned);
}

export type TTraceRow = {
  id: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  actorProfession: string | null;
  actorStructure: string | null;
  action: string;
  actionLabel: string;
  mode: "NORMAL" | "SAMU" | "BREAK_GLASS";
  justification: string | null;
  outcome: "ALLOWED" | "REFUSED";
  reason: string | null;
  detail: string | null;
  isEmergency: boolean;
};

function filterSql(filters: TTraceFilters): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (filters.actorId) and.push(Prisma.sql`t.actorId = ${filters.actorId}`);
  for (const word of (filters.actor ?? "").split(/\s+/).filter(Boolean).slice(0, 5)) {
    and.push(Prisma.sql`LOWER(t.actorName) LIKE LOWER(${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}) ESCAPE '\\'`);
  }
  if (filters.action) and.push(Prisma.sql`t.action = ${filters.action}`);
  if (filters.mode) and.push(Prisma.sql`t.mode = ${filters.mode}`);
  if (filters.from) and.push(Prisma.sql`t.at >= ${new Date(`${filters.from}T00:00:00.000Z`)}`);
  if (filters.to) and.push(Prisma.sql`t.at <= ${new Date(`${filters.to}T23:59:59.999Z`)}`);
  return and;
}

type TRawTrace = Omit<TTraceRow, "actionLabel" | "isEmergency" | "id"> & { id: number | bigint };

function toRow(t: TRawTrace): TTraceRow {
  return {
    id: Number(t.id),
    at: t.at,
    actorKind: t.actorKind,
    actorId: t.actorId,
    actorName: t.actorName,
    actorProfession: t.actorProfession,
    actorStructure: t.actorStructure,
    action: t.action,
    actionLabel: traceActionLabel(t.action),
    mode: t.mode,
    justification: t.justification,
    outcome: t.outcome,
    reason: t.reason,
    detail: t.detail,
    isEmergency: t.mode !== "NORMAL",
  };
}

/** The traces the patient side may read, newest first (the chain's order). */
export async function selectPatientSideTraces(db: Db, actor: TActor, ctx: TAccessContext, filters: TTraceFilters, page: { take: number; skip: number }): Promise<TTraceRow[]> {
  const where = Prisma.join([patientSideTraceSql(actor, ctx), ...filterSql(filters)], " AND ");
  const rows = await queryRows<TRawTrace>(db, Prisma.sql`
    SELECT t.id, t.at, t.actorKind, t.actorId, t.actorName, t.actorProfession, t.actorStructure, t.action, t.mode,
           t.justification, t.outcome, ${patientSideReasonSql(actor, ctx)} AS reason, t.detail
    FROM Trace t WHERE ${where} ORDER BY t.id DESC LIMIT ${page.take} OFFSET ${page.skip}`);
  return rows.map(toRow);
}

/**
 * One page of the history and its count, in one statement (the count is an uncorrelated
 * subquery, evaluated once); a page past the end counts apart. The professional filter is
 * free text on the traced name: a list of every professional of the record grew with it.
 */
export async function findTraces(db: Db, actor: TActor, ctx: TAccessContext, filters: TTraceFilters) {
  const filtered = filterSql(filters);
  const where = Prisma.join([patientSideTraceSql(actor, ctx), ...filtered], " AND ");
  const count = patientSideTraceCountSql(actor, ctx, filtered);
  const rows = await queryRows<TRawTrace & { total: number | bigint }>(db, Prisma.sql`
    SELECT ${count} AS total,
           t.id, t.at, t.actorKind, t.actorId, t.actorName, t.actorProfession, t.actorStructure, t.action, t.mode,
           t.justification, t.outcome, ${patientSideReasonSql(actor, ctx)} AS reason, t.detail
    FROM Trace t WHERE ${where} ORDER BY t.id DESC LIMIT ${filters.pageSize} OFFSET ${(filters.page - 1) * filters.pageSize}`);
  const total = rows[0]
    ? Number(rows[0].total)
    : filters.page === 1
      ? 0
      : Number((await queryRows<{ total: number | bigint }>(db, Prisma.sql`SELECT ${count} AS total`))[0]?.total ?? 0);
  return {
    items: rows.map(toRow),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
  };
}

const MODE_LABELS = { NORMAL: "Normal", SAMU: "SAMU-Centre 15", BREAK_GLASS: "Bris de glace" } as const;
export function accessModeLabel(mode: keyof typeof MODE_LABELS): string {
  return MODE_LABELS[mode];
}

function csvCell(value: string | null | undefined): string {
  let v = value ?? "";
  // Formula injection: a spreadsheet must not evaluate a cell typed by someone else.
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[";\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const CSV_DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

/** Every matching trace (up to 50 000) as CSV (semicolon-separated, UTF-8 with BOM, for spreadsheets in French). */
export async function exportTracesCsv(db: Db, actor: TActor, ctx: TAccessContext, filters: TTraceFilters): Promise<string> {
  const rows = await selectPatientSideTraces(db, actor, ctx, filters, { take: 50_000, skip: 0 });
  const header = ["Date et heure", "Qui", "Profession", "Structure", "Action", "Mode d'accès", "Justification", "Résultat", "Motif", "Détail"];
  const lines = rows.map((t) =>
    [
      CSV_DATE.format(t.at),
      t.actorName,
      tracedProfessionLabel(t.actorProfession),
      t.actorStructure,
      t.actionLabel,
      accessModeLabel(t.mode),
      t.justification,
      t.outcome === "ALLOWED" ? "Autorisé" : "Refusé",
      t.reason,
      t.detail,
    ]
      .map(csvCell)
      .join(";"),
  );
  return `\uFEFF${[header.join(";"), ...lines].join("\r\n")}\r\n`;
}
