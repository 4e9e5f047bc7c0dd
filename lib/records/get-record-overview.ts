import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TAccessContext } from "@/lib/access/access-context";
import { documentWhere } from "@/lib/access/document-where";
import { notificationWhere } from "@/lib/notifications/find-notifications";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";

export type TRecordOverview = {
  patientId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  recordStatus: "OPEN" | "CLOSED";
  recordOpenedAt: Date;
  closedAt: Date | null;
  deletionPlannedAt: Date | null;
  breakGlassAllowed: boolean;
  samuAllowed: boolean;
  careTeamAllowed: boolean;
  treatingDoctorName: string | null;
  documentCount: number;
  unreadNotifications: number;
  isLegalRepresentative: boolean;
};

/**
 * What the dashboard and the portal pages show about the record the actor acts on, for a
 * record already opened through lib/record-door/open-record (ctx).
 */
export async function getRecordOverview(prisma: PrismaClient, actor: TPatientSideActor, ctx: TAccessContext): Promise<TRecordOverview> {
  const [patient, documentCount, unreadNotifications] = await Promise.all([
    prisma.patient.findUniqueOrThrow({
      where: { id: ctx.patientId },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        recordStatus: true,
        recordOpenedAt: true,
        closedAt: true,
        deletionPlannedAt: true,
        breakGlassAllowed: true,
        samuAllowed: true,
        careTeamAllowed: true,
        treatingDoctor: { select: { title: true, firstName: true, lastName: true } },
      },
    }),
    prisma.document.count({ where: { AND: [documentWhere(actor, ctx), { status: "ACTIVE" }] } }),
    prisma.notification.count({ where: { ...notificationWhere(actor, ctx), readAt: null } }),
  ]);
  const d = patient.treatingDoctor;
  return {
    patientId: patient.id,
    firstName: patient.firstName,
    lastName: patient.lastName,
    birthDate: patient.birthDate,
    recordStatus: patient.recordStatus,
    recordOpenedAt: patient.recordOpenedAt,
    closedAt: patient.closedAt,
    deletionPlannedAt: patient.deletionPlannedAt,
    breakGlassAllowed: patient.breakGlassAllowed,
    samuAllowed: patient.samuAllowed,
    careTeamAllowed: patient.careTeamAllowed,
    treatingDoctorName: d ? [d.title, d.firstName, d.lastName].filter(Boolean).join(" ") : null,
    documentCount,
    unreadNotifications,
    isLegalRepresentative: actor.kind === "LEGAL_REPRESENTATIVE",
  };
}
