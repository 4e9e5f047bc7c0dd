import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationAudience } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import { audienceIncludes } from "@/lib/access/notification-audience";
import { prisma } from "@/lib/db/client";
import { sendMail, type TMail } from "@/lib/mail/send-mail";
import { sendSms } from "@/lib/sms/send-sms";
import { adulthoodCutoff } from "@/lib/access/representation";
import { platformNow } from "@/lib/clock/clock";

type TRecipients = { emails: string[]; phones: string[] };

/**
 * Who hears of a record's notification, by the record's preferences and the notification's
 * audience: the holder's contact, and every legal representative's own account contact
 * (read now, so a representative who changed their address gets it there, and a second
 * representative is not forgotten). A notification about a document hidden from the
 * representatives reaches the holder only.
 */
function recipientsOf(
  audience: NotificationAudience,
  patient: {
    email: string | null;
    phone: string | null;
    notifyByEmail: boolean;
    notifyBySms: boolean;
    representations: { account: { email: string | null; phone: string | null } }[];
  },
): TRecipients {
  const holder = audienceIncludes(audience, "PATIENT") ? [{ email: patient.email, phone: patient.phone }] : [];
  const representatives = audienceIncludes(audience, "LEGAL_REPRESENTATIVE") ? patient.representations.map((r) => r.account) : [];
  const contacts = [...holder, ...representatives];
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  return {
    emails: patient.notifyByEmail ? unique(contacts.map((c) => c.email?.toLowerCase() ?? null)) : [],
    phones: patient.notifyBySms ? unique(contacts.map((c) => c.phone)) : [],
  };
}

/** Representations still in force at `now` (the represented patient is under 18). */
function representationInForce(now: Date): Prisma.LegalRepresentationWhereInput {
  return { patient: { birthDate: { gt: adulthoodCutoff(now) } } };
}

/** Notifications read per statement; a run reads at most RUN_LIMIT of them. */
const BATCH = 100;
const RUN_LIMIT = 1000;

/**
 * Sends pending notifications by e-mail and/or SMS according to each record's preferences,
 * to the holder and to the legal representatives. A notification is marked sent per
 * channel once every recipient of that channel accepted it, so a mail server failure is
 * retried on a later run without sending the SMS twice. Only notifications of the last 24
 * hours are considered (older ones stay in the portal).
 */
export async function deliverPendingNotifications(deps: { db?: Db; sendMail?: (mail: TMail) => Promise<void>; now?: Date } = {}): Promise<number> {
  const db = deps.db ?? prisma;
  const send = deps.sendMail ?? sendMail;
  const now = deps.now ?? platformNow();
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  // A representation ends at the patient's 18th birthday: no notification reaches a former representative.
  const inForce = representationInForce(now);
  let sent = 0;
  let after: { createdAt: Date; id: string } | null = null;
  for (let read = 0; read < RUN_LIMIT; read += BATCH) {
    // Pending only (index on settledAt, createdAt): a run never walks what is already settled.
    const pending: TPending[] = await db.notification.findMany({
      where: {
        settledAt: null,
        createdAt: { gte: since },
        // Past what this run already tried (a failed mail is not tried twice in a run).
        ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
      },
      include: pendingInclude(inForce),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    const nothingToSend: string[] = [];
    for (const n of pending) {
      const due = dueRecipients(n);
      if (due.emails.length === 0 && due.phones.length === 0) nothingToSend.push(n.id);
      else sent += await deliverOne(db, send, n, due, now);
    }
    if (nothingToSend.length > 0) await db.notification.updateMany({ where: { id: { in: nothingToSend } }, data: { settledAt: now } });
    const last = pending.at(-1);
    if (!last || pending.length < BATCH) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  return sent;
}

/** What delivery reads of a notification's record: its preferences, contacts and representatives in force. */
function pendingInclude(inForce: Prisma.LegalRepresentationWhereInput) {
  return {
    patient: {
      select: {
        email: true,
        phone: true,
        notifyByEmail: true,
        notifyBySms: true,
        representations: { where: inForce, select: { account: { select: { email: true, phone: true } } } },
      },
    },
  } satisfies Prisma.NotificationInclude;
}

type TPending = Prisma.NotificationGetPayload<{ include: ReturnType<typeof pendingInclude> }>;

/** The recipients still to reach: a channel already sent (before a mail failure) is not sent again. */
function dueRecipients(n: TPending): TRecipients {
  const { emails, phones } = recipientsOf(n.audience, n.patient);
  return { emails: n.sentEmail ? [] : emails, phones: n.sentSms ? [] : phones };
}

/**
 * Sends one notification to its due recipients (dueRecipients), then marks it: sent per
 * channel, and settled unless a mail failed (retried on a later run). (A notification nobody
 * can receive is settled by the caller, with the others of its batch: it is read once, not
 * on every run for 24 hours.)
 */
async function deliverOne(db: Db, send: (mail: TMail) => Promise<void>, n: TPending, { emails, phones }: TRecipients, now: Date): Promise<number> {
  let sent = 0;
  let sentEmail = n.sentEmail;
  let sentSms = n.sentSms;
  let failed = false;
  if (emails.length > 0) {
    try {
      for (const to of emails) {
        await send({
          to,
          subject: `DMP : ${n.title}`,
          text: `Bonjour,\n\n${n.body}\n\nRetrouvez le détail dans votre portail, rubrique Notifications.\n\nMon espace santé (simulateur)`,
        });
        sent += 1;
      }
      sentEmail = true;
    } catch (error) {
      failed = true;
      console.error("Notification par courriel non envoyée :", error instanceof Error ? error.message : error);
    }
  }
  if (phones.length > 0) {
    for (const to of phones) {
      await sendSms(db, { to, body: `Mon espace santé (simulateur). ${n.title}. ${n.body}` });
      sent += 1;
    }
    sentSms = true;
  }
  // updateMany: the notification may have left with its sandbox namespace meanwhile.
  await db.notification.updateMany({ where: { id: n.id }, data: { sentEmail, sentSms, settledAt: failed ? null : now } });
  return sent;
}
