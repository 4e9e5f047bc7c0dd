import type { Db } from "@/lib/db/types";
import { generateReimbursementHistory } from "@/lib/reimbursements/generate-history";
import type { TPatientKey, TSeededPatient } from "./patients";

/** 24 months of Assurance Maladie history per patient, marked as loaded. */
export async function createReimbursements(prisma: Db, patients: Record<TPatientKey, TSeededPatient>, now: Date): Promise<number> {
  const rows = Object.values(patients).flatMap(({ spec, record }) =>
    generateReimbursementHistory(spec.key, now, 24)
      // Nothing is reimbursed before birth.
      .filter((item) => item.date >= spec.birthDate)
      .map((item) => ({ patientId: record.id, ...item })),
  );
  for (let i = 0; i < rows.length; i += 500) await prisma.reimbursementItem.createMany({ data: rows.slice(i, i + 500) });
  await prisma.patient.updateMany({
    where: { id: { in: Object.values(patients).map((p) => p.record.id) } },
    data: { reimbursementsLoadedAt: now },
  });
  return rows.length;
}
