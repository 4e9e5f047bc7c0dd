import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TAccessContext } from "@/lib/access/access-context";
import { canRead } from "@/lib/access/policy";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { classOfType, isPatientDocumentType, PATIENT_DOCUMENT_TYPES } from "@/lib/reference/document-types";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";
import { checkUpload } from "./check-upload";
import { contentDigests } from "./content-digest";
import { platformNow, platformNowMs } from "@/lib/clock/clock";
import { isWellFormedId } from "@/lib/http/row-id";

/**
 * A document of this record the actor may see, through canRead (the same rule as
 * documentWhere). Anything else — another record, hidden from them, unknown — is NOT_FOUND.
 */
async function visibleDocument(tx: Prisma.TransactionClient, actor: TPatientSideActor, ctx: TAccessContext, documentId: string) {
  if (!isWellFormedId(documentId)) throw new AppError("NOT_FOUND");
  const doc = await tx.document.findFirst({ where: { id: documentId, patientId: ctx.patientId } });
  if (!doc || !canRead(actor, doc, ctx).allowed) throw new AppError("NOT_FOUND");
  return doc;
}

/** Masks a document from professionals (MASQUE_PS) or lifts the mask. Traced. */
export async function setDocumentMasked(prisma: PrismaClient, actor: TPatientSideActor, documentId: string, isMasked: boolean) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const doc = await visibleDocument(tx, actor, ctx, documentId);
    if (doc.hiddenFromPros === isMasked) {
      throw new AppError("CONFLICT", isMasked ? "Ce document est déjà masqué aux professionnels." : "Ce document n'est pas masqué.");
    }
    await tx.document.update({ where: { id: doc.id }, data: { hiddenFromPros: isMasked } });
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: isMasked ? "DOCUMENT_MASK" : "DOCUMENT_UNMASK",
      documentId: doc.id,
      detail: doc.title,
    });
  });
}

export const ZOppositionReason = z
  .string()
  .trim()
  .min(10, "Expliquez le motif légitime de votre opposition (10 caractères au moins).")
  .max(1000, "Le motif ne doit pas dépasser 1 000 caractères.");

/**
 * Opposition for a legitimate reason: the document is withdrawn from every professional's
 * view (canRead refuses opposed documents) and the decision, with its reason, is traced.
 */
export async function opposeDocument(prisma: PrismaClient, actor: TPatientSideActor, documentId: string, reason: string) {
  const parsed = ZOppositionReason.safeParse(reason);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const doc = await visibleDocument(tx, actor, ctx, documentId);
    if (doc.source === "PATIENT") throw new AppError("CONFLICT", "Vos propres documents se suppriment depuis votre espace personnel.");
    if (doc.opposedAt) throw new AppError("CONFLICT", "Vous vous êtes déjà opposé à ce document.");
    const now = platformNow();
    await tx.document.update({ where: { id: doc.id }, data: { opposedAt: now, oppositionReason: parsed.data } });
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "DOCUMENT_OPPOSE",
      documentId: doc.id,
      justification: parsed.data,
      detail: doc.title,
      at: now,
    });
  });
}

/**
 * Withdraws an opposition: the document returns to professionals' view under the usual
 * rules (matrix, masking). The reason given at the time stays in the traces.
 */
export async function withdrawOpposition(prisma: PrismaClient, actor: TPatientSideActor, documentId: string) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const doc = await visibleDocument(tx, actor, ctx, documentId);
    if (!doc.opposedAt) throw new AppError("CONFLICT", "Vous ne vous êtes pas opposé à ce document.");
    await tx.document.update({ where: { id: doc.id }, data: { opposedAt: null, oppositionReason: null } });
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "DOCUMENT_OPPOSE_WITHDRAW",
      documentId: doc.id,
      detail: doc.title,
    });
  });
}

export const ZPersonalDocumentMeta = z.object({
  title: z.string().trim().min(2, "Donnez un titre au document.").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  typeCode: z.string().refine((t) => isPatientDocumentType(t), "Choisissez un type de document de l'espace personnel."),
  serviceDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format JJ/MM/AAAA.")
    .refine((d) => !Number.isNaN(Date.parse(d)) && Date.parse(d) <= platformNowMs(), "La date ne peut pas être dans le futur."),
});

export type TPersonalDocumentMeta = z.infer<typeof ZPersonalDocumentMeta>;

export const PERSONAL_TYPES = PATIENT_DOCUMENT_TYPES;

/** Adds a document to the personal space (PDF, PNG, JPEG or text, ≤ 10 MB, checked by content). */
export async function addPersonalDocument(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  input: TPersonalDocumentMeta & { bytes: Uint8Array; declaredType: string | null },
) {
  const meta = ZPersonalDocumentMeta.safeParse(input);
  if (!meta.success) throw new AppError("INVALID_INPUT", meta.error.issues[0]?.message);
  const check = checkUpload(input.bytes, input.declaredType);
  if (!check.ok) throw new AppError(check.code === "TOO_LARGE" ? "TOO_LARGE" : check.code === "EMPTY" ? "INVALID_INPUT" : "UNSUPPORTED_MEDIA_TYPE", check.message);
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const now = platformNow();
    const doc = await tx.document.create({
      data: {
        uniqueId: `urn:uuid:${randomUUID()}`,
        patientId: ctx.patientId,
        typeCode: meta.data.typeCode,
        classCode: classOfType(meta.data.typeCode) ?? "90",
        title: meta.data.title,
        authorAccountId: actor.accountId,
        serviceDate: new Date(`${meta.data.serviceDate}T12:00:00.000Z`),
        submittedAt: now,
        source: "PATIENT",
        mediaType: check.mediaType,
        size: input.bytes.length,
        ...contentDigests(input.bytes),
        content: { create: { data: Buffer.from(input.bytes) } },
      },
    });
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "DOCUMENT_ADD", documentId: doc.id, detail: doc.title, at: now });
    return { documentId: doc.id };
  });
}

async function ownPersonalDocument(tx: Prisma.TransactionClient, actor: TPatientSideActor, ctx: TAccessContext, documentId: string) {
  const doc = await visibleDocument(tx, actor, ctx, documentId);
  if (doc.source !== "PATIENT" || doc.authorAccountId !== actor.accountId || doc.status !== "ACTIVE") throw new AppError("NOT_FOUND");
  return doc;
}

/** Edits the title, type and date of one's own personal-space document. */
export async function updatePersonalDocument(prisma: PrismaClient, actor: TPatientSideActor, documentId: string, input: TPersonalDocumentMeta) {
  const meta = ZPersonalDocumentMeta.safeParse(input);
  if (!meta.success) throw new AppError("INVALID_INPUT", meta.error.issues[0]?.message);
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const doc = await ownPersonalDocument(tx, actor, ctx, documentId);
    await tx.document.update({
      where: { id: doc.id },
      data: {
        title: meta.data.title,
        typeCode: meta.data.typeCode,
        classCode: classOfType(meta.data.typeCode) ?? "90",
        serviceDate: new Date(`${meta.data.serviceDate}T12:00:00.000Z`),
      },
    });
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "DOCUMENT_UPDATE", documentId: doc.id, detail: meta.data.title });
  });
}

/** Deletes one's own personal-space document (its content too). */
export async function deletePersonalDocument(prisma: PrismaClient, actor: TPatientSideActor, documentId: string) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const doc = await ownPersonalDocument(tx, actor, ctx, documentId);
    await tx.document.delete({ where: { id: doc.id } });
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "DOCUMENT_DELETE", documentId: doc.id, detail: doc.title });
  });
}
