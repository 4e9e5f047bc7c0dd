import "server-only";
import { prisma } from "@/lib/db/client";
import { normalizePhone } from "@/lib/sms/send-sms";

/** The first 6-digit group of a message: the one-time code when there is one. */
export function extractCode(text: string): string | null {
  return /\b(\d{6})\b/.exec(text)?.[1] ?? null;
}

export async function findDevMails(recipient?: string) {
  const rows = await prisma.mailMessage.findMany({
    where: recipient ? { recipient: recipient.trim().toLowerCase() } : {},
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map((m) => ({ ...m, code: extractCode(`${m.subject}\n${m.text}`) }));
}

export async function findDevSms(recipient?: string) {
  const to = recipient ? (normalizePhone(recipient) ?? recipient.trim()) : undefined;
  const rows = await prisma.smsMessage.findMany({
    where: to ? { recipient: to } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map((m) => ({ ...m, code: extractCode(m.body) }));
}

/** The latest code sent to an address or a number (e-mail or SMS), for automated tests. */
export async function latestCodeFor(recipient: string) {
  const [mail] = recipient.includes("@") ? await findDevMails(recipient) : [];
  const [sms] = recipient.includes("@") ? [] : await findDevSms(recipient);
  const message = mail ? { code: mail.code, at: mail.receivedAt, channel: "EMAIL" } : sms ? { code: sms.code, at: sms.createdAt, channel: "SMS" } : null;
  return message && message.code ? message : null;
}
