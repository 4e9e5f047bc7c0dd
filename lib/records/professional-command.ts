import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { canAccessRecord } from "@/lib/access/policy";
import { describeDecision, type TAllowed } from "@/lib/access/decision";
import { loadAccessContext } from "@/lib/access/load-access-context";
import type { TTraceAction } from "@/lib/traces/trace-actions";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { AppError } from "@/lib/errors/app-error";

export type TCommandRequest = { ipAddress?: string | null; now?: Date };

const REFUSED = Symbol("refused");

/**
 * Runs a professional's command on a record in one transaction: loads the access context,
 * applies canAccessRecord, then runs the command, which writes its own trace with `tx`.
 * A refusal is traced (action, outcome REFUSED, the rule) in its own transaction and
 * answered NOT_FOUND, like an unknown record.
 */
export async function runProfessionalCommand<T>(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  action: TTraceAction,
  command: (tx: Prisma.TransactionClient, ctx: TAccessContext, decision: TAllowed, now: Date) => Promise<T>,
  request: TCommandRequest = {},
): Promise<T> {
  const now = request.now ?? new Date();
  if (typeof patientId !== "string" || patientId.length === 0 || patientId.length > 64) throw new AppError("NOT_FOUND");
  const result = await prisma.$transaction(async (tx) => {
    const ctx = await loadAccessContext(tx, actor, patientId, now);
    if (!ctx) throw new AppError("NOT_FOUND");
    const decision = canAccessRecord(actor, ctx);
    if (!decision.allowed) {
      await appendTrace(tx, {
        patientId,
        ...traceActorFields(actor),
        action,
        outcome: "REFUSED",
        mode: ctx.emergencyMode ?? "NORMAL",
        reason: describeDecision(decision),
        ipAddress: request.ipAddress ?? null,
        at: now,
      });
      return REFUSED;
    }
    return { value: await command(tx, ctx, decision, now) };
  });
  if (result === REFUSED) throw new AppError("NOT_FOUND");
  return result.value;
}
