import "server-only";
/** The patient rights of issue 17 for the patient portal: each call with the session's actor. */
import { prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { userMessageFor } from "@/lib/errors/messages";
import { sendMail } from "@/lib/mail/send-mail";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";
import { findRectificationsForPatient, requestRectification } from "@/lib/rights/rectification";
import { findRecordCopyRequestsForPatient, requestRecordCopyByMail, type TPostalAddress } from "@/lib/rights/record-copy-by-mail";
import { addFeedOpposition, findFeedOppositions, withdrawFeedOpposition } from "@/lib/rights/feed-opposition";

export type TRightsResult<T = undefined> = { ok: true; value: T } | { ok: false; message: string };

async function attempt<T>(run: () => Promise<T>): Promise<TRightsResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!isAppError(error)) console.error(error);
    return { ok: false, message: userMessageFor(error) };
  }
}

export async function portalRequestRectification(actor: TPatientSideActor, documentId: string, text: string) {
  const result = await attempt(() => requestRectification(prisma, actor, { documentId, text }));
  // The author is told by e-mail after the request is stored (the portal lists it too).
  if (result.ok && result.value.authorEmail) {
    const { authorEmail, documentTitle } = result.value;
    void sendMail({
      to: authorEmail,
      subject: "Demande de rectification d'un document du DMP",
      text: `Bonjour,\n\nUn patient vous demande de rectifier le document « ${documentTitle} » que vous avez déposé dans son DMP. Consultez la demande dans le portail professionnel, rubrique « Demandes de rectification », et répondez-y.\n\nDMP (simulateur)`,
    }).catch((error: unknown) => console.error(error));
  }
  return result;
}

export const portalRectifications = (actor: TPatientSideActor) => findRectificationsForPatient(prisma, actor);
export const portalRequestRecordCopyByMail = (actor: TPatientSideActor, address: TPostalAddress) => attempt(() => requestRecordCopyByMail(prisma, actor, address));
export const portalRecordCopyRequests = (actor: TPatientSideActor) => findRecordCopyRequestsForPatient(prisma, actor);
export const portalAddFeedOpposition = (actor: TPatientSideActor, reference: string) => attempt(() => addFeedOpposition(prisma, actor, reference));
export const portalWithdrawFeedOpposition = (actor: TPatientSideActor, oppositionId: string) => attempt(() => withdrawFeedOpposition(prisma, actor, oppositionId));
export const portalFeedOppositions = (actor: TPatientSideActor) => findFeedOppositions(prisma, actor);
