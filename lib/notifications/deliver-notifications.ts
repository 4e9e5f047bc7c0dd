import "server-only";
import type { Db } from "@/lib/db/types";
import { prisma } from "@/lib/db/client";
import { sendMail, type TMail } from "@/lib/mail/send-mail";
import { sendSms } from "@/lib/sms/send-sms";
import { adulthoodCutoff } from "@/lib/access/representation";

type TRecipients = { emails: string[]; phones: string[] };

/**
 * Who hears of a record's notification, by the record's preferences: its holder's contact,
 * and every legal representative's own account contact (read now, so a representative who
 * changed their address gets it there, and a second representative is not forgotten).
 */
function recipientsOf(patient: {
  email: string | null;
  phone: string | null;
  notifyByEmail: boolean;
  notifyBySms: boolean;
  representations: { account: { email: string | null; phone: string | null } }[];
}): TRecipients {
  const accounts = patient.representations.map((r) => r.account);
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  return {
    emails: patient.notifyByEmail ? unique([patient.email, ...accounts.map((a) => a.email)].map((e) => e?.toLowerCase() ?? null)) : [],
    phones: patient.notifyBySms ? unique([patient.phone, ...accounts.map((a) => a.phone)]) : [],
  };
}

/**
 * Sends pending notifications by e-mail and/or SMS according to each record's preferences,
 * to the holder and to the legal representatives. A notification is marked sent per
 * channel once every recipient of that channel accepted it, so a mail server failure is
 * retried on the next run without sending the SMS twice. Only notifications of the last 24
 * hours are considered (older ones stay in the portal).
 */
export async function deliverPendingNotifications(deps: { db?: Db; sendMail?: (mail: TMail) => Promise<void>; now?: Date } = {}): Promise<number> {
  const db = deps.db ?? prisma;
  const send = deps.sendMail ?? sendMail;
  const now = deps.now ?? new Date();
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  // A representation ends at the patient's 18th birthday: no notification reaches a former representative.
  const inForce = { patient: { birthDate: { gt: adulthoodCutoff(now) } } };
  const hasRepresentativeWith = (field: "email" | "phone") => ({ representations: { some: { ...inForce, account: { [field]: { not: null } } } } });
  const pending = await db.notification.findMany({
    where: {
      createdAt: { gte: since },
      OR: [
        { sentEmail: false, patient: { notifyByEmail: true, OR: [{ email: { not: null } }, hasRepresentativeWith("email")] } },
        { sentSms: false, patient: { notifyBySms: true, OR: [{ phone: { not: null } }, hasRepresentativeWith("phone")] } },
      ],
    },
    include: {
      patient: {
        select: {
          email: true,
          phone: true,
          notifyByEmail: true,
          notifyBySms: true,
          representations: { where: inForce, select: { account: { select: { email: true, phone: true } } } },
        },
      },
    },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  let sent = 0;
  for (const n of pending) {
    const { emails, phones } = recipientsOf(n.patient);
    if (!n.sentEmail && emails.length > 0) {
      try {
        for (const to of emails) {
          await send({
            to,
            subject: `DMP : ${n.title}`,
            text: `Bonjour,\n\n${n.body}\n\nRetrouvez le détail dans votre portail, rubrique Notifications.\n\nMon espace santé (simulateur)`,
          });
          sent += 1;
        }
        await db.notification.update({ where: { id: n.id }, data: { sentEmail: true } });
      } catch (error) {
        console.error("Notification par courriel non envoyée :", error instanceof Error ? error.message : error);
      }
    }
    if (!n.sentSms && phones.length > 0) {
      for (const to of phones) {
        await sendSms(db, { to, body: `Mon espace santé (simulateur). ${n.title}. ${n.body}` });
        sent += 1;
      }
      await db.notification.update({ where: { id: n.id }, data: { sentSms: true } });
    }
  }
  return sent;
}
