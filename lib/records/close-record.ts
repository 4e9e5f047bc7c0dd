import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { notifyPatient } from "@/lib/notifications/notify-patient";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";
import { platformNow } from "@/lib/clock/clock";

/** A closed record is kept 10 years, then deleted. */
export const RETENTION_YEARS = 10;

export function plannedDeletionDate(closedAt: Date): Date {
  const d = new Date(closedAt.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + RETENTION_YEARS);
  return d;
}

/** The confirmation phrase the person must type to close their record. */
export const CLOSE_CONFIRMATION = "FERMER MON DMP";

/**
 * Closes the record: professionals lose access at once (the policy refuses a closed
 * record); the data is kept 10 years. Traced and notified.
 */
export async function closeRecord(prisma: PrismaClient, actor: TPatientSideActor, input: { confirmation: string; reason?: string | null; now?: Date }) {
  if (input.confirmation.trim().toUpperCase() !== CLOSE_CONFIRMATION) {
    throw new AppError("INVALID_INPUT", `Pour confirmer, saisissez exactement « ${CLOSE_CONFIRMATION} ».`);
  }
  const now = input.now ?? platformNow();
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const deletionPlannedAt = plannedDeletionDate(now);
    await tx.patient.update({ where: { id: ctx.patientId }, data: { recordStatus: "CLOSED", closedAt: now, deletionPlannedAt } });
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "RECORD_CLOSE",
      detail: input.reason ? `Motif : ${input.reason}` : null,
      at: now,
    });
    await notifyPatient(tx, {
      patientId: ctx.patientId,
      message: { kind: "RECORD_CLOSED", at: now, deletionPlannedAt },
    });
    return { deletionPlannedAt };
  });
}

/** Reopens a closed record: everything is restored as it was. */
export async function reactivateRecord(prisma: PrismaClient, actor: TPatientSideActor, input: { now?: Date } = {}) {
  const now = input.now ?? platformNow();
  return runPatientCommand(
    prisma,
    actor,
    async (tx, ctx) => {
      if (ctx.recordStatus !== "CLOSED") throw new AppError("CONFLICT", "Votre dossier est déjà ouvert.");
      await tx.patient.update({ where: { id: ctx.patientId }, data: { recordStatus: "OPEN", closedAt: null, deletionPlannedAt: null } });
      await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "RECORD_REACTIVATE", at: now });
      await notifyPatient(tx, {
        patientId: ctx.patientId,
        message: { kind: "RECORD_REACTIVATED", at: now },
      });
    },
    { allowClosed: true },
  );
}
