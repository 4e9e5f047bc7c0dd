import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { canAccessRecord } from "@/lib/access/policy";
import { AppError } from "@/lib/errors/app-error";
import { TRACE_ACTIONS, traceActionLabel } from "./trace-actions";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)));

export const ZTraceFilters = z.object({
  actorId: z.preprocess(emptyToUndefined, z.string().max(64).optional()),
  action: z.preprocess(emptyToUndefined, z.enum(Object.keys(TRACE_ACTIONS) as [keyof typeof TRACE_ACTIONS]).optional()),
  mode: z.preprocess(emptyToUndefined, z.enum(["NORMAL", "SAMU", "BREAK_GLASS"]).optional()),
  from: z.preprocess(emptyToUndefined, ZDay.optional()),
  to: z.preprocess(emptyToUndefined, ZDay.optional()),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(25).default(25),
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

/**
 * The traces of a record as the patient (or a legal representative) may read them. A
 * trace about a document hidden from the reader is left out entirely, so the history
 * never reveals that such a document exists.
 */
export async function traceWhereForPatientSide(db: Db, actor: TActor, ctx: TAccessContext): Promise<Prisma.TraceWhereInput> {
  if (actor.kind === "PROFESSIONAL" || !canAccessRecord(actor, ctx).allowed) throw new AppError("NOT_FOUND");
  const hidden = await db.document.findMany({
    where: {
      patientId: ctx.patientId,
      OR: actor.kind === "LEGAL_REPRESENTATIVE" ? [{ hiddenFromPatient: true }, { hiddenFromLegalReps: true }] : [{ hiddenFromPatient: true }],
    },
    select: { id: true },
  });
  const where: Prisma.TraceWhereInput = { patientId: ctx.patientId };
  if (hidden.length === 0) return where;
  return { AND: [where, { OR: [{ documentId: null }, { documentId: { notIn: hidden.map((d) => d.id) } }] }] };
}

function filterWhere(filters: TTraceFilters): Prisma.TraceWhereInput[] {
  const and: Prisma.TraceWhereInput[] = [];
  if (filters.actorId) and.push({ actorId: filters.actorId });
  if (filters.action) and.push({ action: filters.action });
  if (filters.mode) and.push({ mode: filters.mode });
  if (filters.from) and.push({ at: { gte: new Date(`${filters.from}T00:00:00.000Z`) } });
  if (filters.to) and.push({ at: { lte: new Date(`${filters.to}T23:59:59.999Z`) } });
  return and;
}

function toRow(t: Prisma.TraceGetPayload<object>): TTraceRow {
  return {
    id: t.id,
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

export async function findTraces(db: Db, actor: TActor, ctx: TAccessContext, filters: TTraceFilters) {
  const base = await traceWhereForPatientSide(db, actor, ctx);
  const where: Prisma.TraceWhereInput = { AND: [base, ...filterWhere(filters)] };
  const [total, rows, actors] = await Promise.all([
    db.trace.count({ where }),
    db.trace.findMany({ where, orderBy: { id: "desc" }, skip: (filters.page - 1) * filters.pageSize, take: filters.pageSize }),
    // One row per professional, grouped by SQLite (a `distinct` would load every trace).
    db.trace.groupBy({
      by: ["actorId"],
      where: { AND: [base, { actorKind: "PROFESSIONAL" }, { actorId: { not: null } }] },
      _min: { actorName: true },
    }),
  ]);
  const professionals = actors
    .flatMap((a) => (a.actorId ? [{ id: a.actorId, name: a._min.actorName ?? "" }] : []))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    items: rows.map(toRow),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
    professionals,
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
  const base = await traceWhereForPatientSide(db, actor, ctx);
  const rows = await db.trace.findMany({ where: { AND: [base, ...filterWhere(filters)] }, orderBy: { id: "desc" }, take: 50_000 });
  const header = ["Date et heure", "Qui", "Profession", "Structure", "Action", "Mode d'accès", "Justification", "Résultat", "Motif", "Détail"];
  const lines = rows.map(toRow).map((t) =>
    [
      CSV_DATE.format(t.at),
      t.actorName,
      t.actorProfession,
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
