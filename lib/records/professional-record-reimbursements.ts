import type { PrismaClient } from "@/lib/generated/prisma/client";

/*
 * The reimbursements tab of the professional's record page (REIMBURSEMENTS rule checked by
 * the caller): one page of the 24-month history, newest first, counted in the same
 * statement. Kept apart on purpose: the patient's statement (lib/reimbursements) is
 * another reader with its own layout.
 */

export type TReimbursementPage = {
  items: { id: string; date: string; category: string; label: string; actCode: string; amountCents: number }[];
  total: number;
  page: number;
  pageCount: number;
};

type TRow = TReimbursementPage["items"][number] & { amountCents: number | bigint; total: number | bigint };

export async function findProfessionalReimbursementPage(prisma: PrismaClient, patientId: string, page: number, pageSize: number, now: Date): Promise<TReimbursementPage> {
  const since = new Date(now.getTime());
  since.setUTCMonth(since.getUTCMonth() - 24);
  const from = since.toISOString().slice(0, 10);
  const rows = await prisma.$queryRaw<TRow[]>`
    SELECT id, date, category, label, actCode, amountCents,
      (SELECT COUNT(*) FROM ReimbursementItem c WHERE c.patientId = ${patientId} AND c.date >= ${from}) AS total
    FROM ReimbursementItem WHERE patientId = ${patientId} AND date >= ${from}
    ORDER BY date DESC, id ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.map((r) => ({ id: r.id, date: r.date, category: r.category, label: r.label, actCode: r.actCode, amountCents: Number(r.amountCents) })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
