import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";

/** Allow or oppose break-the-glass and SAMU-Centre 15 access. Traced with the new choice. */
export async function updateEmergencySettings(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  input: { breakGlassAllowed: boolean; samuAllowed: boolean },
) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    await tx.patient.update({ where: { id: ctx.patientId }, data: input });
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "EMERGENCY_SETTINGS_CHANGE",
      detail:
        `Bris de glace : ${input.breakGlassAllowed ? "autorisé" : "refusé"} ; ` +
        `SAMU-Centre 15 : ${input.samuAllowed ? "autorisé" : "refusé"}`,
    });
  });
}
