import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { canReadOtherProfessionalsTraces, otherProfessionalsTraceWhere } from "@/lib/access/record-actions";
import { runProfessionalCommand, type TCommandRequest } from "@/lib/record-door/professional-command";
import { describeDecision } from "@/lib/access/decision";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";

export type TProfessionalTraceRow = {
  id: number;
  at: Date;
  actorName: string;
  actorProfession: string | null;
  actorStructure: string | null;
  action: string;
  mode: "NORMAL" | "SAMU" | "BREAK_GLASS";
  outcome: "ALLOWED" | "REFUSED";
  reason: string | null;
  detail: string | null;
  /** Break-the-glass justification typed by the professional. */
  justification: string | null;
};

/**
 * Treating doctor extra: the traces of the other professionals on the record, newest
 * first (the patient's own actions are not shown). Rule OTHER_PROFESSIONALS_TRACES of
 * lib/access: anyone else gets NOT_FOUND and a REFUSED trace. The consultation itself is
 * traced (TRACES_VIEW).
 */
export async function findTracesForProfessional(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  page: { page: number; pageSize: number } = { page: 1, pageSize: 50 },
  request: TCommandRequest = {},
): Promise<{ items: TProfessionalTraceRow[]; total: number; pageCount: number }> {
  return runProfessionalCommand(prisma, actor, patientId, "TRACES_VIEW", async (tx, ctx, _record, now, refuse) => {
    const decision = canReadOtherProfessionalsTraces(actor, ctx);
    if (!decision.allowed) return refuse(decision);
    const where = otherProfessionalsTraceWhere(actor, ctx);
    const [total, rows] = await Promise.all([
      tx.trace.count({ where }),
      tx.trace.findMany({ where, orderBy: { id: "desc" }, skip: (page.page - 1) * page.pageSize, take: page.pageSize }),
    ]);
    await appendTrace(tx, {
      patientId,
      ...traceActorFields(actor),
      action: "TRACES_VIEW",
      mode: decision.mode,
      reason: describeDecision(decision),
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
    return {
      total,
      pageCount: Math.max(1, Math.ceil(total / page.pageSize)),
      items: rows.map((t) => ({
        id: t.id,
        at: t.at,
        actorName: t.actorName,
        actorProfession: t.actorProfession,
        actorStructure: t.actorStructure,
        action: t.action,
        mode: t.mode,
        outcome: t.outcome,
        reason: t.reason,
        detail: t.detail,
        justification: t.justification,
      })),
    };
  }, request);
}
