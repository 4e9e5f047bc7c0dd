import type { Db } from "@/lib/db/types";
import type { OtpPurpose } from "@/lib/generated/prisma/enums";
import { currentNamespace } from "@/lib/clock/namespace-scope";
import { namespaceOfMessage } from "@/lib/sandbox/message-namespace";

/** Normalizes a French mobile number to +33… (the SMS outbox is keyed on it). */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, "");
  if (/^0[67]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (/^\+33[67]\d{8}$/.test(compact)) return compact;
  if (/^0033[67]\d{8}$/.test(compact)) return `+${compact.slice(2)}`;
  return null;
}

/** No operator is reached: an SMS is a row of the outbox, shown on /dev/sms. */
export async function sendSms(db: Db, sms: { to: string; body: string; otp?: { code: string; purpose: OtpPurpose } }): Promise<void> {
  const recipient = normalizePhone(sms.to) ?? sms.to;
  const namespaceId = await namespaceOfMessage(db, recipient, currentNamespace());
  await db.smsMessage.create({ data: { recipient, body: sms.body, otpCode: sms.otp?.code ?? null, otpPurpose: sms.otp?.purpose ?? null, namespaceId } });
}
