import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TLegalRepresentativeActor, TPatientActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { canChangeOwnRecord } from "@/lib/access/record-actions";
import { AppError } from "@/lib/errors/app-error";
import { openRecord } from "./open-record";
import { withRefusalTraces } from "./refusal";

/** The patient, or a legal representative acting on a minor's record. */
export type TPatientSideActor = TPatientActor | TLegalRepresentativeActor;

export const RECORD_CLOSED_MESSAGE = "Votre dossier est fermé : réactivez-le pour le modifier.";

/**
 * Runs a patient-side command in one transaction: opens the record through the access
 * policy (a record that is not the actor's is "not found"), refuses changes to a closed
 * record unless allowed (rule PATIENT_CHANGES), then runs the command, which writes its own trace with `tx`.
 */
export async function runPatientCommand<T>(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  command: (tx: Prisma.TransactionClient, ctx: TAccessContext) => Promise<T>,
  options: { allowClosed?: boolean } = {},
): Promise<T> {
  return withRefusalTraces(prisma, () =>
    prisma.$transaction(async (tx) => {
      const { ctx } = await openRecord(tx, actor, actor.patientId);
      if (!canChangeOwnRecord(actor, ctx, options).allowed) throw new AppError("RECORD_CLOSED", RECORD_CLOSED_MESSAGE);
      return command(tx, ctx);
    }),
  );
}
