import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TAccessContext } from "@/lib/access/access-context";
import { audiencesSeenBy } from "@/lib/access/notification-audience";
import { openRecord } from "@/lib/record-door/open-record";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";
import { platformNow } from "@/lib/clock/clock";

/** The notifications of an opened record this reader may see (their audience includes them). */
export function notificationWhere(actor: TPatientSideActor, ctx: TAccessContext): Prisma.NotificationWhereInput {
  return { patientId: ctx.patientId, audience: { in: audiencesSeenBy(actor.kind) } };
}

/** The record's notifications the reader may see, newest first. */
export async function findNotifications(prisma: PrismaClient, actor: TPatientSideActor, page = 1, pageSize = 20) {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  const where = notificationWhere(actor, ctx);
  const [total, items] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, items, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Marks the notifications the reader sees as read (what the person just saw). */
export async function markNotificationsRead(prisma: PrismaClient, actor: TPatientSideActor) {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  await prisma.notification.updateMany({ where: { ...notificationWhere(actor, ctx), readAt: null }, data: { readAt: platformNow() } });
}
