import "server-only";
import { prisma } from "@/lib/db/client";
import { sendMail } from "@/lib/mail/send-mail";
import { sendSms } from "@/lib/sms/send-sms";

/**
 * Sends pending notifications by e-mail and/or SMS according to each patient's
 * preferences. A notification is marked sent per channel once that channel accepted it,
 * so a mail server failure is retried on the next run without sending the SMS twice.
 * Only notifications of the last 24 hours are considered (older ones stay in the portal).
 */
export async function deliverPendingNotifications(now: Date = new Date()): Promise<number> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const pending = await prisma.notification.findMany({
    where: {
      createdAt: { gte: since },
      OR: [
        { sentEmail: false, patient: { notifyByEmail: true, email: { not: null } } },
        { sentSms: false, patient: { notifyBySms: true, phone: { not: null } } },
      ],
    },
    include: { patient: { select: { email: true, phone: true, notifyByEmail: true, notifyBySms: true } } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  let sent = 0;
  for (const n of pending) {
    const p = n.patient;
    if (!n.sentEmail && p.notifyByEmail && p.email) {
      try {
        await sendMail({
          to: p.email,
          subject: `DMP : ${n.title}`,
          text: `Bonjour,\n\n${n.body}\n\nRetrouvez le détail dans votre portail, rubrique Notifications.\n\nMon espace santé (simulateur)`,
        });
        await prisma.notification.update({ where: { id: n.id }, data: { sentEmail: true } });
        sent += 1;
      } catch (error) {
        console.error("Notification par courriel non envoyée :", error instanceof Error ? error.message : error);
      }
    }
    if (!n.sentSms && p.notifyBySms && p.phone) {
      await sendSms(prisma, { to: p.phone, body: `Mon espace santé (simulateur). ${n.title}. ${n.body}` });
      await prisma.notification.update({ where: { id: n.id }, data: { sentSms: true } });
      sent += 1;
    }
  }
  return sent;
}
