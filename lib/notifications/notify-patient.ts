import { platformNow } from "@/lib/clock/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { newRowId } from "@/lib/db/new-id";
import type { NotificationAudience } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import { audiencesOf, documentNews, type TDocumentNews, type TPatientSideMasking } from "@/lib/access/notification-audience";
import { notificationText, type TNotificationMessage } from "./notification-wording";
import { executeSql } from "@/lib/db/raw-sql";

export type TNotifyInput = {
  patientId: string;
  /** Who on the patient side may read it; everyone unless it is about a document. */
  audience?: NotificationAudience;
  /** What happened; its words come from NOTIFICATION_WORDING (notification-wording.ts), never from the caller. */
  message: TNotificationMessage;
};

/** The row of a notification: its kind, title and body from the wording table. */
function notificationRow(input: TNotifyInput) {
  const { title, body } = notificationText(input.message);
  return { patientId: input.patientId, kind: input.message.kind, audience: input.audience ?? ("EVERYONE" as const), title, body };
}

/**
 * Records a notification for the patient, in the caller's transaction so it exists exactly
 * when the action it reports does. Delivery by e-mail / SMS happens afterwards, from the
 * outbox (lib/notifications/deliver-notifications.ts): a slow mail server never holds a
 * transaction open.
 */
export async function notifyPatient(db: Db, input: TNotifyInput) {
  // The sandbox clock's time (lib/clock), like the action it reports: the delivery window reads it.
  return db.notification.create({ data: { ...notificationRow(input), createdAt: platformNow() } });
}

/**
 * The one INSERT of several notifications (rows made here, ids included), for callers that
 * write in a batch of statements (the ITI-65 feed). Raw SQL: no per-call query compilation.
 */
export function notificationInsertSql(inputs: readonly TNotifyInput[], createdAt: Date): Prisma.Sql {
  const rows = inputs.map(notificationRow).map(
    (n) => Prisma.sql`(${newRowId()}, ${n.patientId}, ${n.kind}, ${n.audience}, ${n.title}, ${n.body}, ${false}, ${false}, ${createdAt})`,
  );
  return Prisma.sql`INSERT INTO Notification (id, patientId, kind, audience, title, body, sentEmail, sentSms, createdAt) VALUES ${Prisma.join(rows)}`;
}

/** Several notifications in one statement (same rules as notifyPatient). */
export async function notifyPatients(db: Db, inputs: readonly TNotifyInput[]): Promise<void> {
  if (inputs.length > 0) await executeSql(db, notificationInsertSql(inputs, platformNow()));
}

/**
 * The notifications announcing a document (a new version of `replaced` when given), each
 * stored for the readers the notification audience rule lets see it, with the message `say`
 * gives for what they may be told. Empty when nobody on the patient side may see the document.
 */
export function documentNotifications(input: {
  patientId: string;
  doc: TPatientSideMasking;
  replaced?: TPatientSideMasking | null;
  say: (news: TDocumentNews) => TNotificationMessage;
}): TNotifyInput[] {
  return audiencesOf(documentNews(input.doc, input.replaced ?? null)).map(({ audience, news }) => ({ patientId: input.patientId, audience, message: input.say(news) }));
}
