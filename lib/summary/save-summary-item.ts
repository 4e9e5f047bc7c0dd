import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { AppError } from "@/lib/errors/app-error";
import { runProfessionalCommand, type TCommandRequest } from "@/lib/record-door/professional-command";

const optional = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue (JJ/MM/AAAA).");

export const ZAllergyInput = z.object({
  id: optional(40),
  substance: z.string().trim().min(2, "Indiquez la substance.").max(120),
  reaction: optional(200),
  severity: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["légère", "modérée", "sévère"]).optional()),
});

export const ZTreatmentInput = z
  .object({
    id: optional(40),
    medication: z.string().trim().min(2, "Indiquez le médicament.").max(160),
    dosage: z.string().trim().min(1, "Indiquez la posologie.").max(200),
    startDate: ZDay,
    endDate: z.preprocess((v) => (v === "" ? undefined : v), ZDay.optional()),
  })
  .refine((t) => !t.endDate || t.endDate >= t.startDate, { message: "La date de fin précède la date de début.", path: ["endDate"] });

export type TAllergyInput = z.infer<typeof ZAllergyInput>;
export type TTreatmentInput = z.infer<typeof ZTreatmentInput>;

/** Adds an allergy, or updates one of this record (SUMMARY_UPDATE trace, same transaction). */
export async function saveAllergy(prisma: PrismaClient, actor: TProfessionalActor, patientId: string, input: TAllergyInput, request: TCommandRequest = {}) {
  return runProfessionalCommand(prisma, actor, patientId, "SUMMARY_UPDATE", async (tx, ctx, decision, now) => {
    if (ctx.recordStatus === "CLOSED") throw new AppError("RECORD_CLOSED");
    const data = { substance: input.substance, reaction: input.reaction ?? null, severity: input.severity ?? null, recordedById: actor.professionalId };
    let id = input.id;
    if (id) {
      const updated = await tx.allergy.updateMany({ where: { id, patientId }, data });
      if (updated.count !== 1) throw new AppError("NOT_FOUND");
    } else {
      id = (await tx.allergy.create({ data: { ...data, patientId } })).id;
    }
    await appendTrace(tx, {
      patientId,
      ...traceActorFields(actor),
      action: "SUMMARY_UPDATE",
      mode: decision.mode,
      reason: input.id ? "Allergie modifiée" : "Allergie ajoutée",
      detail: input.substance,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
    return { id };
  }, request);
}

/** Adds a treatment, or updates one of this record (SUMMARY_UPDATE trace, same transaction). */
export async function saveTreatment(prisma: PrismaClient, actor: TProfessionalActor, patientId: string, input: TTreatmentInput, request: TCommandRequest = {}) {
  return runProfessionalCommand(prisma, actor, patientId, "SUMMARY_UPDATE", async (tx, ctx, decision, now) => {
    if (ctx.recordStatus === "CLOSED") throw new AppError("RECORD_CLOSED");
    const data = { medication: input.medication, dosage: input.dosage, startDate: input.startDate, endDate: input.endDate ?? null, recordedById: actor.professionalId };
    let id = input.id;
    if (id) {
      const updated = await tx.treatment.updateMany({ where: { id, patientId }, data });
      if (updated.count !== 1) throw new AppError("NOT_FOUND");
    } else {
      id = (await tx.treatment.create({ data: { ...data, patientId } })).id;
    }
    await appendTrace(tx, {
      patientId,
      ...traceActorFields(actor),
      action: "SUMMARY_UPDATE",
      mode: decision.mode,
      reason: input.id ? "Traitement modifié" : "Traitement ajouté",
      detail: `${input.medication} — ${input.dosage}`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
    return { id };
  }, request);
}
