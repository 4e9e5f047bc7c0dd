import type { PrismaClient } from "@/lib/generated/prisma/client";
import { careProfileFor, generateReimbursementHistory, isoDay, reimbursementSeedKey, statementStart, type TStatementLine } from "./generate-history";
import { writeStatementDocument } from "./statement-document";

export type TSyncPatient = {
  id: string;
  nir: string;
  birthDate: string;
  sex: "M" | "F";
  birthRank: number;
  firstName: string;
  lastName: string;
  reimbursementProfile: string | null;
  reimbursementsLoadedAt: Date | null;
};

export const SYNC_PATIENT_SELECT = {
  id: true,
  nir: true,
  birthDate: true,
  sex: true,
  birthRank: true,
  firstName: true,
  lastName: true,
  reimbursementProfile: true,
  reimbursementsLoadedAt: true,
} as const;

const LINE_SELECT = { category: true, date: true, actCode: true, label: true, specialty: true, quantity: true, activeIngredients: true, deliveredInHospital: true, stayDays: true } as const;

/**
 * Brings one record's statement up to `now`, as the Assurance Maladie sends it: the lines
 * dated since the last load (the whole 24 months the first time), the lines older than 24
 * months removed, and the record's reimbursement document rewritten as a snapshot of the day.
 * One transaction, claimed on the last load's date: two runs never add the same lines, and
 * a clock moved back never loads a day twice. Returns false when nothing was due or another
 * run got there first.
 */
export async function syncReimbursementHistory(prisma: PrismaClient, patient: TSyncPatient, now: Date): Promise<boolean> {
  const previous = patient.reimbursementsLoadedAt;
  if (previous && previous.getTime() >= now.getTime()) return false;
  const today = isoDay(now);
  const after = previous ? isoDay(previous) : null;
  const from = statementStart(today);
  const seedKey = reimbursementSeedKey(patient);
  const fresh = generateReimbursementHistory({ seedKey, profile: careProfileFor(seedKey, patient.reimbursementProfile), birthDate: patient.birthDate, after, through: today });
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.patient.updateMany({ where: { id: patient.id, reimbursementsLoadedAt: previous }, data: { reimbursementsLoadedAt: now } });
    if (claimed.count === 0) return false;
    if (fresh.length > 0) await tx.reimbursementItem.createMany({ data: fresh.map((line) => ({ ...line, patientId: patient.id })) });
    // 24 rolling months: what is older leaves the statement.
    await tx.reimbursementItem.deleteMany({ where: { patientId: patient.id, date: { lt: from } } });
    const lines: TStatementLine[] = await tx.reimbursementItem.findMany({
      where: { patientId: patient.id, date: { gte: from, lte: today } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: LINE_SELECT,
    });
    await writeStatementDocument(tx, patient, { from, to: today, lines }, now);
    return true;
  });
}
