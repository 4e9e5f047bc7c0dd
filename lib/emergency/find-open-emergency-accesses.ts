import type { PrismaClient } from "@/lib/generated/prisma/client";
import { platformNow } from "@/lib/clock/clock";

export type TOpenEmergencyAccess = {
  id: string;
  professionalName: string;
  patientName: string;
  mode: "SAMU" | "BREAK_GLASS";
  startedAt: Date;
  expiresAt: Date;
};

/** Development tool: the emergency accesses still open, soonest to expire first (/dev/urgences). */
export async function findOpenEmergencyAccesses(prisma: PrismaClient, now: Date = platformNow()): Promise<TOpenEmergencyAccess[]> {
  const rows = await prisma.emergencyAccess.findMany({
    where: { expiresAt: { gt: now }, mode: { in: ["SAMU", "BREAK_GLASS"] } },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      mode: true,
      startedAt: true,
      expiresAt: true,
      professional: { select: { title: true, firstName: true, lastName: true } },
      patient: { select: { firstName: true, lastName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    professionalName: [r.professional.title, r.professional.firstName, r.professional.lastName].filter(Boolean).join(" "),
    patientName: `${r.patient.firstName} ${r.patient.lastName}`,
    mode: r.mode === "SAMU" ? "SAMU" : "BREAK_GLASS",
    startedAt: r.startedAt,
    expiresAt: r.expiresAt,
  }));
}
