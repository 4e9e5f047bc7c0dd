import type { Db } from "@/lib/db/types";

/**
 * The sandbox namespace a message (e-mail or SMS) belongs to, so /dev/mails, /dev/sms and
 * /dev/codes show it only to that namespace's readers: the namespace the sending request
 * runs in when there is one, else the one of the account or patient the address belongs
 * to (a notification sent by the background job), else none. Sandbox addresses are unique
 * per call, so the lookup is unambiguous for them.
 */
export async function namespaceOfMessage(db: Db, recipient: string, inScope: string | null): Promise<string | null> {
  if (inScope) return inScope;
  const address = recipient.trim();
  const byEmail = address.includes("@");
  const account = await db.account.findFirst({
    where: byEmail ? { email: address.toLowerCase(), namespaceId: { not: null } } : { phone: address, namespaceId: { not: null } },
    select: { namespaceId: true },
  });
  if (account) return account.namespaceId;
  const patient = await db.patient.findFirst({
    where: byEmail ? { email: address.toLowerCase(), namespaceId: { not: null } } : { phone: address, namespaceId: { not: null } },
    select: { namespaceId: true },
  });
  return patient?.namespaceId ?? null;
}
