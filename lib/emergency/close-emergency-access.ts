import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { AppError } from "@/lib/errors/app-error";
import { isWellFormedId } from "@/lib/http/row-id";

/**
 * The professional ends their own open emergency accesses on a record now. The closing is
 * traced with the mode it ends, in the same transaction. Returns how many were closed; a
 * malformed record id is NOT_FOUND, as at the door that opened them.
 */
export async function closeEmergencyAccess(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<number> {
  if (!isWellFormedId(patientId)) throw new AppError("NOT_FOUND");
  const now = request.now ?? platformNow();
  return prisma.$transaction(async (tx) => {
    const open = await tx.emergencyAccess.findMany({
      where: { professionalId: actor.professionalId, patientId, expiresAt: { gt: now } },
      select: { id: true, mode: true },
    });
    if (open.length === 0) return 0;
    await tx.emergencyAccess.updateMany({ where: { id: { in: open.map((a) => a.id) } }, data: { expiresAt: now } });
    for (const mode of new Set(open.map((a) => a.mode))) {
      await appendTrace(tx, {
        patientId,
        ...traceActorFields(actor),
        action: "EMERGENCY_CLOSE",
        mode,
        ipAddress: request.ipAddress ?? null,
        at: now,
      });
    }
    return open.length;
  });
}
