import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors/app-error";
import { canBlockAtPatientRequest } from "@/lib/access/record-actions";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { withdrawnCareTeamDetail, withdrawUnfoundedCareTeamAccess } from "./care-team-presumption";
import { runProfessionalCommand, type TCommandRequest } from "@/lib/record-door/professional-command";

/**
 * Treating doctor extra: blocks a professional at the patient's request (PatientBlock
 * requestedBy TREATING_DOCTOR, PROFESSIONAL_BLOCK trace). The block takes effect on the
 * blocked professional's next request. Rule BLOCK_AT_PATIENT_REQUEST of lib/access (the
 * treating doctor only; anyone else gets NOT_FOUND and a REFUSED trace); nobody blocks themselves.
 */
export async function blockProfessionalForPatient(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  professionalId: string,
  request: TCommandRequest = {},
): Promise<void> {
  await runProfessionalCommand(prisma, actor, patientId, "PROFESSIONAL_BLOCK", async (tx, ctx, _record, now, refuse) => {
    const decision = canBlockAtPatientRequest(actor, ctx);
    if (!decision.allowed) return refuse(decision);
    if (professionalId === actor.professionalId) throw new AppError("INVALID_INPUT", "Vous ne pouvez pas vous bloquer vous-même.");
    const target = await tx.professional.findUnique({ where: { id: professionalId }, select: { id: true, title: true, firstName: true, lastName: true, idNat: true } });
    if (!target) throw new AppError("NOT_FOUND", "Professionnel introuvable.");
    const existing = await tx.patientBlock.findUnique({ where: { patientId_professionalId: { patientId, professionalId } } });
    if (existing) throw new AppError("CONFLICT", "Ce professionnel est déjà bloqué sur ce dossier.");
    await tx.patientBlock.create({ data: { patientId, professionalId, requestedBy: "TREATING_DOCTOR", createdAt: now } });
    const withdrawn = await withdrawUnfoundedCareTeamAccess(tx, patientId);
    await appendTrace(tx, {
      patientId,
      ...traceActorFields(actor),
      action: "PROFESSIONAL_BLOCK",
      mode: decision.mode,
      reason: "À la demande du patient, par le médecin traitant",
      detail: `${[target.title, target.firstName, target.lastName].filter(Boolean).join(" ")} (${target.idNat})${withdrawnCareTeamDetail(withdrawn)}`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
  }, request);
}
