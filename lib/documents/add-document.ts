import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { canAuthorType } from "@/lib/reference/authorable-types";
import { classOfType, documentTypeLabel } from "@/lib/reference/document-types";
import { flagsFromMaskingCodes, maskingLabels } from "@/lib/reference/masking";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { documentNotifications, notifyPatients } from "@/lib/notifications/notify-patient";
import { AppError } from "@/lib/errors/app-error";
import { runProfessionalCommand, type TCommandRequest } from "@/lib/record-door/professional-command";
import { checkUpload } from "./check-upload";
import { contentDigests, type TContentDigests } from "./content-digest";
import type { TDocumentContentInput, TProfessionalDocumentInput } from "./professional-document-input";
import { platformNow } from "@/lib/clock/clock";
import { assertNotOpposedSource } from "@/lib/feed/feed-opposition";
import { personWithStructure } from "@/lib/notifications/notification-wording";

export type TPreparedContent = { data: Uint8Array<ArrayBuffer>; mediaType: string; size: number } & TContentDigests;

/** PDF or plain text only, ≤ 10 MB, recognised by its magic bytes. Throws a French AppError. */
export function prepareContent(content: TDocumentContentInput): TPreparedContent {
  const bytes = content.kind === "text" ? new TextEncoder().encode(content.text) : content.bytes;
  if (content.kind === "text" && content.text.trim() === "") throw new AppError("INVALID_INPUT", "Saisissez le contenu du document ou joignez un fichier.");
  const check = checkUpload(bytes, content.kind === "text" ? "text/plain" : content.declaredType);
  if (!check.ok) {
    throw new AppError(check.code === "TOO_LARGE" ? "TOO_LARGE" : check.code === "EMPTY" ? "INVALID_INPUT" : "UNSUPPORTED_MEDIA_TYPE", check.message);
  }
  if (check.mediaType !== "application/pdf" && check.mediaType !== "text/plain") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Type de fichier non accepté : joignez un PDF ou un fichier texte.");
  }
  const data = new Uint8Array(new ArrayBuffer(bytes.length));
  data.set(bytes);
  return { data, mediaType: check.mediaType, size: bytes.length, ...contentDigests(bytes) };
}

/** Checks the type against what the profession may author and returns its class. */
export function checkAuthorableType(actor: TProfessionalActor, typeCode: string): string {
  const classCode = classOfType(typeCode);
  if (!classCode || !canAuthorType(actor.profession, actor.specialty, typeCode)) {
    throw new AppError("FORBIDDEN", "Votre profession ne permet pas de déposer ce type de document.");
  }
  return classCode;
}

export async function createDocumentRow(
  tx: Prisma.TransactionClient,
  actor: TProfessionalActor,
  patientId: string,
  input: TProfessionalDocumentInput,
  content: TPreparedContent,
  now: Date,
  replacesId: string | null,
) {
  const classCode = checkAuthorableType(actor, input.typeCode);
  const flags = flagsFromMaskingCodes(input.masking);
  const author = await tx.professional.findUniqueOrThrow({ where: { id: actor.professionalId }, select: { structureId: true } });
  return tx.document.create({
    data: {
      uniqueId: `urn:uuid:${randomUUID()}`,
      patientId,
      typeCode: input.typeCode,
      classCode,
      title: input.title,
      authorId: actor.professionalId,
      structureId: author.structureId,
      serviceDate: new Date(`${input.serviceDate}T12:00:00.000Z`),
      submittedAt: now,
      hiddenFromPros: flags.hiddenFromPros,
      hiddenFromPatient: flags.hiddenFromPatient,
      hiddenFromLegalReps: flags.hiddenFromLegalReps,
      source: "PROFESSIONAL",
      replacesId,
      mediaType: content.mediaType,
      size: content.size,
      sha256: content.sha256,
      sha1: content.sha1,
      content: { create: { data: content.data } },
    },
    select: { id: true, title: true, typeCode: true, hiddenFromPros: true, hiddenFromPatient: true, hiddenFromLegalReps: true },
  });
}

/**
 * What adding and replacing check before touching the record: a type the profession may
 * author, an accepted content, a service date that is not in the future.
 */
export function checkProfessionalDocument(actor: TProfessionalActor, input: TProfessionalDocumentInput, content: TDocumentContentInput, now: Date) {
  checkAuthorableType(actor, input.typeCode);
  const prepared = prepareContent(content);
  if (input.serviceDate > now.toISOString().slice(0, 10)) throw new AppError("INVALID_INPUT", "La date de l'acte ne peut pas être dans le futur.");
  return prepared;
}

/**
 * A professional adds a document to a record they may access: type limited to what their
 * profession may author, PDF or text, masking chosen at validation. DOCUMENT_ADD trace and
 * NEW_DOCUMENT notification (only to the patient-side readers who may see the document),
 * all in one transaction. The service date cannot be in the future.
 */
export async function addDocument(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  input: TProfessionalDocumentInput,
  content: TDocumentContentInput,
  request: TCommandRequest = {},
): Promise<{ documentId: string }> {
  const [added] = await addDocuments(prisma, actor, patientId, [{ input, content }], request);
  return added!;
}

/**
 * Several documents added by one author in one command (one transaction, each with its own
 * trace and notification): the sandbox's bulk factory builds a large record this way, in batches.
 */
export async function addDocuments(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  items: readonly { input: TProfessionalDocumentInput; content: TDocumentContentInput }[],
  request: TCommandRequest = {},
): Promise<{ documentId: string }[]> {
  const now = request.now ?? platformNow();
  const prepared = items.map(({ input, content }) => ({ input, content: checkProfessionalDocument(actor, input, content, now) }));
  return runProfessionalCommand(
    prisma,
    actor,
    patientId,
    "DOCUMENT_ADD",
    async (tx, ctx, decision) => {
      if (ctx.recordStatus === "CLOSED") throw new AppError("RECORD_CLOSED");
      await assertNotOpposedSource(tx, patientId, actor.professionalId);
      const added: { documentId: string }[] = [];
      for (const { input, content } of prepared) {
        const doc = await createDocumentRow(tx, actor, patientId, input, content, now, null);
        await appendTrace(tx, {
          patientId,
          ...traceActorFields(actor),
          action: "DOCUMENT_ADD",
          documentId: doc.id,
          mode: decision.mode,
          reason: `${documentTypeLabel(doc.typeCode)} — ${maskingLabels(doc).join(", ")}`,
          detail: doc.title,
          ipAddress: request.ipAddress ?? null,
          at: now,
        });
        await notifyPatients(
          tx,
          documentNotifications({
            patientId,
            doc,
            say: () => ({ kind: "NEW_DOCUMENT", news: "NEW_DOCUMENT", by: personWithStructure(actor.name, actor.structureName), title: doc.title, typeCode: doc.typeCode }),
          }),
        );
        added.push({ documentId: doc.id });
      }
      return added;
    },
    { ...request, now },
  );
}
