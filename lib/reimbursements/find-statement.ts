import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/access/actor";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { canSeeReimbursements } from "@/lib/access/record-actions";
import { describeDecision } from "@/lib/access/decision";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { isoDay, statementStart, type TStatementLine } from "./generate-history";
import { impliedAlds } from "./implied-ald";
import { STATEMENT_SECTIONS, type TStatementSection } from "./statement-layout";
import { parseStatementQuery, STATEMENT_PAGE_SIZE } from "./statement-query";
import { statementDocumentWhere } from "./statement-document";

export type TStatementSectionPage = {
  section: Pick<TStatementSection, "category" | "slug" | "title">;
  total: number;
  page: number;
  totalPages: number;
  lines: (TStatementLine & { id: string })[];
};

export type TStatement = {
  /** The statement's 24 rolling months, and the period shown (the filter, else the same). */
  window: { from: string; to: string };
  period: { from: string; to: string };
  /** When the record's reimbursement document was last written (the snapshot's date); null before the first load. */
  snapshotAt: Date | null;
  isLoading: boolean;
  /** The French message of a refused filter (the statement is then shown unfiltered). */
  filterError: string | null;
  section: TStatementSection["slug"] | null;
  alds: string[];
  sections: TStatementSectionPage[];
};

const LINE_SELECT = { id: true, category: true, date: true, actCode: true, label: true, specialty: true, quantity: true, activeIngredients: true, deliveredInHospital: true, stayDays: true } as const;

/**
 * The reimbursement statement of a record as `actor` may see it (rule REIMBURSEMENTS, on the
 * record's reimbursement document), or null when they may not: a refusal is an absence, and
 * nothing of the statement is queried. Each view is traced like a document read
 * (REIMBURSEMENTS_VIEW, on the snapshot document, with the rule and the matrix row), in the
 * transaction that reads the lines.
 */
export async function findStatement(
  prisma: PrismaClient,
  actor: TActor,
  patientId: string,
  searchParams: Record<string, string | string[] | undefined>,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<TStatement | null> {
  const now = request.now ?? platformNow();
  const ctx = await loadAccessContext(prisma, actor, patientId, now);
  if (!ctx) return null;
  const document = await prisma.document.findFirst({
    where: statementDocumentWhere(ctx.patientId),
    orderBy: { serviceDate: "desc" },
    select: { id: true, title: true, patientId: true, typeCode: true, authorId: true, hiddenFromPros: true, hiddenFromPatient: true, hiddenFromLegalReps: true, opposedAt: true, serviceDate: true },
  });
  const decision = canSeeReimbursements(actor, ctx, document);
  if (!decision.allowed) return null;

  const to = isoDay(now);
  const window = { from: statementStart(to), to };
  const parsed = parseStatementQuery(searchParams, window);
  const { query } = parsed;
  const period = { from: query.from ?? window.from, to: query.to ?? window.to };
  const shown = STATEMENT_SECTIONS.filter((s) => query.section === null || s.slug === query.section);

  return prisma.$transaction(async (tx) => {
    const patient = await tx.patient.findUniqueOrThrow({ where: { id: ctx.patientId }, select: { reimbursementsLoadedAt: true } });
    const isLoading = patient.reimbursementsLoadedAt === null;
    const inPeriod = { patientId: ctx.patientId, date: { gte: period.from, lte: period.to } };
    const sections: TStatementSectionPage[] = [];
    for (const s of shown) {
      const where = { ...inPeriod, category: s.category };
      const total = isLoading ? 0 : await tx.reimbursementItem.count({ where });
      const totalPages = Math.max(1, Math.ceil(total / STATEMENT_PAGE_SIZE));
      const page = Math.min(query.pages[s.slug], totalPages);
      const lines =
        total === 0
          ? []
          : await tx.reimbursementItem.findMany({ where, orderBy: [{ date: "desc" }, { id: "desc" }], skip: (page - 1) * STATEMENT_PAGE_SIZE, take: STATEMENT_PAGE_SIZE, select: LINE_SELECT });
      sections.push({ section: { category: s.category, slug: s.slug, title: s.title }, total, page, totalPages, lines });
    }
    // ALD: inferred from the whole 24 months, whatever the filter.
    const codes = isLoading
      ? []
      : await tx.reimbursementItem.groupBy({ by: ["actCode"], where: { patientId: ctx.patientId, date: { gte: window.from, lte: window.to }, quantity: { gt: 0 } }, _count: { _all: true } });
    const alds = impliedAlds(codes.flatMap((c) => Array.from({ length: Math.min(c._count._all, 3) }, () => ({ actCode: c.actCode, quantity: 1 }))));
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "REIMBURSEMENTS_VIEW",
      documentId: document?.id ?? null,
      mode: decision.mode,
      outcome: "ALLOWED",
      reason: describeDecision(decision),
      detail: document?.title ?? null,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
    return {
      window,
      period,
      snapshotAt: document?.serviceDate ?? null,
      isLoading,
      filterError: parsed.ok ? null : parsed.message,
      section: query.section,
      alds,
      sections,
    };
  });
}
