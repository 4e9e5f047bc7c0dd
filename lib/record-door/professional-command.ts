import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { canAccessRecord } from "@/lib/access/policy";
import { describeDecision, type TAllowed, type TRefused } from "@/lib/access/decision";
import { loadAccessContext } from "@/lib/access/load-access-context";
import type { TTraceAction } from "@/lib/traces/trace-actions";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { AppError } from "@/lib/errors/app-error";
import { RefusedAccess, withRefusalTraces } from "./refusal";
import { platformNow } from "@/lib/clock/clock";
import { isWellFormedId } from "@/lib/http/row-id";

export type TCommandRequest = { ipAddress?: string | null; now?: Date };

/**
 * Refuses the command with a rule of lib/access: the command's writes are rolled back,
 * the REFUSED trace (action, rule, and the document when there is one) is written, and
 * the caller gets NOT_FOUND like an unknown record.
 */
export type TRefuse = (decision: TRefused, details?: { documentId?: string | null }) => never;

/**
 * Runs a professional's command on a record in one transaction: loads the access context,
 * applies canAccessRecord, then runs the command, which writes its own trace with `tx` and
 * calls `refuse` when a rule of lib/access refuses it. Every refusal is traced after the
 * transaction rolled back (withRefusalTraces), so it survives and nothing else does.
 */
export async function runProfessionalCommand<T>(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  action: TTraceAction,
  command: (tx: Prisma.TransactionClient, ctx: TAccessContext, decision: TAllowed, now: Date, refuse: TRefuse) => Promise<T>,
  request: TCommandRequest = {},
): Promise<T> {
  const now = request.now ?? platformNow();
  if (!isWellFormedId(patientId)) throw new AppError("NOT_FOUND");
  return withRefusalTraces(prisma, () =>
    prisma.$transaction(async (tx) => {
      const ctx = await loadAccessContext(tx, actor, patientId, now);
      if (!ctx) throw new AppError("NOT_FOUND");
      const refuse: TRefuse = (decision, details = {}) => {
        throw new RefusedAccess({
          patientId,
          ...traceActorFields(actor),
          action,
          documentId: details.documentId ?? null,
          outcome: "REFUSED",
          mode: ctx.emergencyMode ?? "NORMAL",
          reason: describeDecision(decision),
          ipAddress: request.ipAddress ?? null,
          at: now,
        });
      };
      const decision = canAccessRecord(actor, ctx);
      if (!decision.allowed) refuse(decision);
      return command(tx, ctx, decision, now, refuse);
    }),
  );
}
