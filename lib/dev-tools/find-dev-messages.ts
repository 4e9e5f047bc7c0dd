import "server-only";
import { prisma } from "@/lib/db/client";
import type { OtpPurpose } from "@/lib/generated/prisma/enums";
import { normalizePhone } from "@/lib/sms/send-sms";
import { namespaceOfRequest } from "@/lib/sandbox/namespace-request";

// The code shown is the one the message says it carries (otpCode, written by send-otp.ts),
// never a 6-digit number read in the text: a document title can hold one.
// Each reader sees one sandbox namespace's messages (its X-DMP-Espace header), or without
// one only the messages of no namespace (the demo data): SAME_SANDBOX_NAMESPACE for /dev.

export async function findDevMails(recipient?: string, namespaceId: string | null = null) {
  const rows = await prisma.mailMessage.findMany({
    where: { namespaceId, ...(recipient ? { recipient: recipient.trim().toLowerCase() } : {}) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map((m) => ({ ...m, code: m.otpCode }));
}

export async function findDevSms(recipient?: string, namespaceId: string | null = null) {
  const to = recipient ? (normalizePhone(recipient) ?? recipient.trim()) : undefined;
  const rows = await prisma.smsMessage.findMany({
    where: { namespaceId, ...(to ? { recipient: to } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map((m) => ({ ...m, code: m.otpCode }));
}

/**
 * The latest one-time code sent to an address or a number (e-mail or SMS), for automated
 * tests; only codes for `purpose` when given. Messages without a code are skipped.
 */
export async function latestCodeFor(recipient: string, purpose?: OtpPurpose, namespaceId: string | null = null) {
  const otp = { namespaceId, ...(purpose ? { otpPurpose: purpose } : {}) };
  if (recipient.includes("@")) {
    const mail = await prisma.mailMessage.findFirst({
      where: { recipient: recipient.trim().toLowerCase(), otpCode: { not: null }, ...otp },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    });
    return mail?.otpCode && mail.otpPurpose ? { code: mail.otpCode, purpose: mail.otpPurpose, at: mail.receivedAt, channel: "EMAIL" as const } : null;
  }
  const sms = await prisma.smsMessage.findFirst({
    where: { recipient: normalizePhone(recipient) ?? recipient.trim(), otpCode: { not: null }, ...otp },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return sms?.otpCode && sms.otpPurpose ? { code: sms.otpCode, purpose: sms.otpPurpose, at: sms.createdAt, channel: "SMS" as const } : null;
}

/** The namespace a /dev reader names by its X-DMP-Espace header (404 for an unknown token). */
export function devNamespaceOf(headers: Headers) {
  return namespaceOfRequest(prisma, { headers });
}
