import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { canRevealToPatient } from "@/lib/access/record-actions";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { documentNotifications, notifyPatients } from "@/lib/notifications/notify-patient";
import { AppError } from "@/lib/errors/app-error";
import { runProfessionalCommand, type TCommandRequest } from "@/lib/record-door/professional-command";
import { personWithStructure } from "@/lib/notifications/notification-wording";
import { isWellFormedId } from "@/lib/http/row-id";

/**
 * After the announcement consultation, a professional who may read the document (rule
 * REVEAL_TO_PATIENT of lib/access) lifts INVISIBLE_PATIENT: revealedAt set, DOCUMENT_REVEAL
 * trace, DOCUMENT_REVEALED notification to the patient-side readers who may now see it.
 * A refusal is traced and answered NOT_FOUND.
 */
export async function revealDocument(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  documentId: string,
  request: TCommandRequest = {},
): Promise<void> {
  if (!isWellFormedId(documentId)) throw new AppError("NOT_FOUND");
  await runProfessionalCommand(
    prisma,
    actor,
    patientId,
    "DOCUMENT_REVEAL",
    async (tx, ctx, _record, now, refuse) => {
      const doc = await tx.document.findFirst({ where: { id: documentId, patientId } });
      if (!doc) throw new AppError("NOT_FOUND");
      const decision = canRevealToPatient(actor, doc, ctx);
      if (!decision.allowed) return refuse(decision, { documentId: doc.id });
      if (!doc.hiddenFromPatient) throw new AppError("CONFLICT", "Ce document est déjà visible par le patient.");
      await tx.document.update({ where: { id: doc.id }, data: { hiddenFromPatient: false, revealedAt: now } });
      await appendTrace(tx, {
        patientId,
        ...traceActorFields(actor),
        action: "DOCUMENT_REVEAL",
        documentId: doc.id,
        mode: decision.mode,
        reason: "Consultation d'annonce réalisée",
        detail: doc.title,
        ipAddress: request.ipAddress ?? null,
        at: now,
      });
      // The representatives hear of it only if the document is not also hidden from them.
      await notifyPatients(
        tx,
        documentNotifications({
          patientId,
          doc: { ...doc, hiddenFromPatient: false },
          say: () => ({ kind: "DOCUMENT_REVEALED", by: personWithStructure(actor.name, actor.structureName), title: doc.title }),
        }),
      );
    },
    request,
  );
}
