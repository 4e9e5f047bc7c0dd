import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { canRead } from "@/lib/access/policy";
import { canReplaceDocument } from "@/lib/access/feed-rules";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { documentNotifications, notifyPatients } from "@/lib/notifications/notify-patient";
import { AppError } from "@/lib/errors/app-error";
import { runProfessionalCommand, type TCommandRequest } from "@/lib/record-door/professional-command";
import { checkProfessionalDocument, createDocumentRow } from "./add-document";
import { loadReplacer } from "./replaceable-document";
import type { TDocumentContentInput, TProfessionalDocumentInput } from "./professional-document-input";
import { platformNow } from "@/lib/clock/clock";
import { assertNotOpposedSource } from "@/lib/feed/feed-opposition";
import { personWithStructure } from "@/lib/notifications/notification-wording";

/**
 * Replaces a document with a new version: the old one stays, status REPLACED, the new one
 * points to it (replacesId). Who may replace is the feed's rule too (lib/access/feed-rules:
 * the author, or a health professional of the document's structure allowed to author its
 * type, never from another structure), and only an active document they can still read.
 * DOCUMENT_REPLACE trace; each patient-side reader who may see the new version is notified,
 * of the old title only if they could see it.
 */
export async function replaceDocument(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  documentId: string,
  input: TProfessionalDocumentInput,
  content: TDocumentContentInput,
  request: TCommandRequest = {},
): Promise<{ documentId: string }> {
  const now = request.now ?? platformNow();
  const prepared = checkProfessionalDocument(actor, input, content, now);
  return runProfessionalCommand(
    prisma,
    actor,
    patientId,
    "DOCUMENT_REPLACE",
    async (tx, ctx, decision) => {
      if (ctx.recordStatus === "CLOSED") throw new AppError("RECORD_CLOSED");
      const old = await tx.document.findFirst({ where: { id: documentId, patientId } });
      if (old && canRead(actor, old, ctx).allowed) await assertNotOpposedSource(tx, patientId, actor.professionalId);
      if (!old || !canRead(actor, old, ctx).allowed) throw new AppError("NOT_FOUND");
      const replacer = await loadReplacer(tx, actor.professionalId);
      if (!replacer || !canReplaceDocument(replacer, replacer.structureId, old).allowed) {
        throw new AppError("FORBIDDEN", "Seul l'auteur d'un document, ou un professionnel de santé de sa structure habilité à rédiger ce type, peut le remplacer par une nouvelle version.");
      }
      if (old.status !== "ACTIVE") throw new AppError("CONFLICT", "Ce document a déjà été remplacé.");
      await tx.document.update({ where: { id: old.id }, data: { status: "REPLACED" } });
      const doc = await createDocumentRow(tx, actor, patientId, input, prepared, now, old.id);
      await appendTrace(tx, {
        patientId,
        ...traceActorFields(actor),
        action: "DOCUMENT_REPLACE",
        documentId: doc.id,
        mode: decision.mode,
        reason: `Nouvelle version de « ${old.title} »`,
        detail: doc.title,
        ipAddress: request.ipAddress ?? null,
        at: now,
      });
      // A reader who could not see the old version is told of a new document: its title stays hidden.
      await notifyPatients(
        tx,
        documentNotifications({
          patientId,
          doc,
          replaced: old,
          say: (news) => ({ kind: "NEW_DOCUMENT", news, by: personWithStructure(actor.name, actor.structureName), title: doc.title, typeCode: doc.typeCode }),
        }),
      );
      return { documentId: doc.id };
    },
    { ...request, now },
  );
}
