import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openRecord } from "@/lib/records/open-record";
import type { TPatientSideActor } from "@/lib/records/patient-command";

/** The record's notifications, newest first, and the preferences that deliver them. */
export async function findNotifications(prisma: PrismaClient, actor: TPatientSideActor, page = 1, pageSize = 20) {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  const where = { patientId: ctx.patientId };
  const [total, items] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, items, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Marks every notification of the record as read (what the person just saw). */
export async function markNotificationsRead(prisma: PrismaClient, actor: TPatientSideActor) {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  await prisma.notification.updateMany({ where: { patientId: ctx.patientId, readAt: null }, data: { readAt: new Date() } });
}
