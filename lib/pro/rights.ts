import "server-only";
/** The professional and operator side of the patient rights of issue 17. */
import { prisma } from "@/lib/db/client";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { answerRectification, findRectificationsForAuthor } from "@/lib/rights/rectification";
import { findRecordCopyRequestsForOperator, markRecordCopySent } from "@/lib/rights/record-copy-by-mail";
import { requestIp } from "@/lib/http/request-ip";

export const rectificationsAddressedTo = (actor: TProActor) => findRectificationsForAuthor(prisma, actor);
export async function answerRectificationRequest(actor: TProActor, input: { requestId: string; kind: string; answer: string }) {
  return answerRectification(prisma, actor, input, { ipAddress: await requestIp() });
}
export const operatorRecordCopyRequests = (actor: TProActor) => findRecordCopyRequestsForOperator(prisma, actor);
export const operatorMarkRecordCopySent = (actor: TProActor, input: { requestId: string; trackingNumber: string }) => markRecordCopySent(prisma, actor, input);
