import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";

export type TNotifyInput = {
  patientId: string;
  kind: NotificationKind;
  title: string;
  body: string;
};

/**
 * Records a notification for the patient, in the caller's transaction so it exists exactly
 * when the action it reports does. Delivery by e-mail / SMS happens afterwards, from the
 * outbox (lib/notifications/deliver-notifications.ts): a slow mail server never holds a
 * transaction open.
 */
export async function notifyPatient(db: Db, input: TNotifyInput) {
  return db.notification.create({ data: { ...input } });
}

/** Several notifications in one statement (same rules as notifyPatient). */
export async function notifyPatients(db: Db, inputs: readonly TNotifyInput[]): Promise<void> {
  if (inputs.length > 0) await db.notification.createMany({ data: inputs.map((input) => ({ ...input })) });
}
