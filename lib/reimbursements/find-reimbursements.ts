import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReimbursementCategory } from "@/lib/generated/prisma/enums";
import { openRecord } from "@/lib/record-door/open-record";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";
import { platformNow } from "@/lib/clock/clock";

/** The sections of the Assurance Maladie statement, in its order. */
export const REIMBURSEMENT_CATEGORIES: readonly { category: ReimbursementCategory; label: string }[] = [
  { category: "PHARMACY", label: "Pharmacie" },
  { category: "HOSPITAL_STAY", label: "Séjours hospitaliers" },
  { category: "CARE", label: "Soins médicaux et dentaires" },
  { category: "RADIOLOGY", label: "Radiologie" },
];

export type TReimbursementGroup = {
  category: ReimbursementCategory;
  label: string;
  totalCents: number;
  items: { id: string; date: string; actCode: string; label: string; specialty: string | null; quantity: number; amountCents: number }[];
};

/**
 * The 24-month reimbursement history, grouped like the Assurance Maladie statement,
 * newest first in each group. `isLoading` while the background job has not loaded it.
 */
export async function findReimbursements(prisma: PrismaClient, actor: TPatientSideActor, now: Date = platformNow()) {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  const since = new Date(now.getTime());
  since.setUTCMonth(since.getUTCMonth() - 24);
  const [patient, rows] = await Promise.all([
    prisma.patient.findUniqueOrThrow({ where: { id: ctx.patientId }, select: { reimbursementsLoadedAt: true } }),
    prisma.reimbursementItem.findMany({
      where: { patientId: ctx.patientId, date: { gte: since.toISOString().slice(0, 10) } },
      orderBy: [{ date: "desc" }, { id: "asc" }],
    }),
  ]);
  const groups: TReimbursementGroup[] = REIMBURSEMENT_CATEGORIES.map(({ category, label }) => {
    const items = rows
      .filter((r) => r.category === category)
      .map((r) => ({ id: r.id, date: r.date, actCode: r.actCode, label: r.label, specialty: r.specialty, quantity: r.quantity, amountCents: r.amountCents }));
    return { category, label, items, totalCents: items.reduce((sum, i) => sum + i.amountCents, 0) };
  });
  return { isLoading: patient.reimbursementsLoadedAt === null, groups, totalCents: groups.reduce((s, g) => s + g.totalCents, 0) };
}

export function formatEuros(cents: number): string {
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
}
