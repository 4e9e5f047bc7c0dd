import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TCareProfile } from "@/lib/reimbursements/generate-history";
import { SYNC_PATIENT_SELECT, syncReimbursementHistory } from "@/lib/reimbursements/sync-history";
import type { TCondition } from "./conditions";
import type { TPatientKey, TSeededPatient } from "./patients";

/** The statement follows each demo patient's story: their ALD shows in what the insurance sends. */
const PROFILE_OF_CONDITION: Record<TCondition, TCareProfile> = {
  cardio: "HEART_FAILURE",
  diabetes: "DIABETES",
  oncology: "CANCER",
  geriatric: "CARDIOVASCULAR",
  pregnancy: "GENERAL",
  pediatric: "GENERAL",
  trauma: "GENERAL",
  ortho: "GENERAL",
  general: "GENERAL",
};

/**
 * 24 months of Assurance Maladie history per patient, loaded by the product's own monthly
 * load (lines, and the record's reimbursement document as a snapshot of `now`).
 */
export async function createReimbursements(prisma: PrismaClient, patients: Record<TPatientKey, TSeededPatient>, now: Date): Promise<number> {
  for (const { spec, record } of Object.values(patients)) {
    const patient = await prisma.patient.update({ where: { id: record.id }, data: { reimbursementProfile: PROFILE_OF_CONDITION[spec.condition] }, select: SYNC_PATIENT_SELECT });
    await syncReimbursementHistory(prisma, patient, now);
  }
  return prisma.reimbursementItem.count();
}
