import "server-only";
import { prisma } from "@/lib/db/client";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { openRecord } from "@/lib/record-door/open-record";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";
import { getDocumentVisibility, type TDocumentVisibilityPage } from "@/lib/documents/document-visibility";

/** "Qui peut voir ce document ?" for the patient or a legal representative; null when the document is not theirs to see. */
export async function portalDocumentVisibility(actor: TPatientSideActor, documentId: string): Promise<TDocumentVisibilityPage | null> {
  return nullWhenNotFound(async () => {
    const { ctx } = await openRecord(prisma, actor, actor.patientId);
    return getDocumentVisibility(prisma, actor, ctx, documentId);
  });
}
