import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { currentNamespace } from "@/lib/clock/namespace-scope";
import { platformNow } from "@/lib/clock/clock";
import type { TCareProfile } from "@/lib/reimbursements/generate-history";
import { SYNC_PATIENT_SELECT, syncReimbursementHistory } from "@/lib/reimbursements/sync-history";

const PROFILES = {
  general: "GENERAL",
  cardiovasculaire: "CARDIOVASCULAR",
  diabete: "DIABETES",
  "insuffisance-cardiaque": "HEART_FAILURE",
  cancer: "CANCER",
} as const satisfies Record<string, TCareProfile>;

export const reimbursementsInputSchema = z
  .object({
    patientId: z.string().min(1).max(40),
    /** The care profile the insurance's history follows (diabete: an ALD 8 with a long pharmacy section). */
    profil: z.enum(Object.keys(PROFILES) as [keyof typeof PROFILES, ...(keyof typeof PROFILES)[]], { error: "Profil inconnu : general, cardiovasculaire, diabete, insuffisance-cardiaque ou cancer." }).default("general"),
  })
  .strict();

export type TReimbursementsInput = z.output<typeof reimbursementsInputSchema>;

/**
 * The Assurance Maladie history of a sandbox record, sent now with the chosen care profile
 * (instead of waiting for the background job and its drawn profile): the record's lines and
 * its reimbursement document, by the product's own monthly load.
 */
export async function loadSandboxReimbursements(prisma: PrismaClient, input: TReimbursementsInput): Promise<{ patientId: string; lines: number; documentId: string | null }> {
  const found = await prisma.patient.findFirst({ where: { id: input.patientId, namespaceId: currentNamespace() }, select: { id: true } });
  if (!found) throw new AppError("INVALID_INPUT", "Patient introuvable : créez-le d'abord avec le bac à sable.");
  const patient = await prisma.$transaction(async (tx) => {
    await tx.reimbursementItem.deleteMany({ where: { patientId: found.id } });
    return tx.patient.update({ where: { id: found.id }, data: { reimbursementProfile: PROFILES[input.profil], reimbursementsLoadedAt: null }, select: SYNC_PATIENT_SELECT });
  });
  // The background job may have got there first: it loads the same profile.
  await syncReimbursementHistory(prisma, patient, platformNow());
  const [lines, document] = await Promise.all([
    prisma.reimbursementItem.count({ where: { patientId: found.id } }),
    prisma.document.findFirst({ where: { patientId: found.id, typeCode: "REMB", status: "ACTIVE" }, select: { id: true } }),
  ]);
  return { patientId: found.id, lines, documentId: document?.id ?? null };
}
