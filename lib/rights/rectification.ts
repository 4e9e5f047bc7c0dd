import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { audiencesOf, documentNews } from "@/lib/access/notification-audience";
import { PATIENT_RIGHTS_RULES, rectificationAnswerDecision, rectificationRequestDecision } from "@/lib/access/patient-rights";
import { AppError } from "@/lib/errors/app-error";
import { notifyPatients } from "@/lib/notifications/notify-patient";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";
import type { TCommandRequest } from "@/lib/record-door/professional-command";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { isWellFormedId } from "@/lib/http/row-id";

/**
 * The right of rectification (issue 17): the patient (or a legal representative) asks the
 * author of a document they see to rectify it; the author answers by correcting, replacing
 * or refusing with a reason. Both steps are traced on the record and notified (the author
 * by e-mail when they have one and on the portal; the patient side with the audience of
 * the document, NOTIFICATION_AUDIENCE).
 */

export const ZRectificationText = z
  .string()
  .trim()
  .min(10, "Décrivez en quelques mots l'information à rectifier (10 caractères au moins).")
  .max(2000, "2 000 caractères au plus.");

export const RECTIFICATION_ANSWERS = { CORRECTED: "Information corrigée", REPLACED: "Document remplacé par une nouvelle version", REFUSED: "Demande refusée" } as const;
export type TRectificationAnswerKind = keyof typeof RECTIFICATION_ANSWERS;

export const ZRectificationAnswer = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("CORRECTED"), answer: z.string().trim().min(5, "Indiquez ce qui a été corrigé.").max(2000, "2 000 caractères au plus.") }),
  z.object({ kind: z.literal("REPLACED"), answer: z.string().trim().max(2000, "2 000 caractères au plus.") }),
  z.object({ kind: z.literal("REFUSED"), answer: z.string().trim().min(5, "Un refus doit être motivé : indiquez la raison.").max(2000, "2 000 caractères au plus.") }),
]);

const name = (p: { title: string | null; firstName: string; lastName: string }) => [p.title, p.firstName, p.lastName].filter(Boolean).join(" ");

/** Asks the author of a document to rectify it. Returns the author's e-mail to tell them (after the transaction). */
export async function requestRectification(prisma: PrismaClient, actor: TPatientSideActor, input: { documentId: string; text: string }) {
  const text = ZRectificationText.safeParse(input.text);
  if (!text.success) throw new AppError("INVALID_INPUT", text.error.issues[0]?.message);
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    if (!isWellFormedId(input.documentId)) throw new AppError("NOT_FOUND");
    const doc = await tx.document.findFirst({ where: { id: input.documentId, patientId: ctx.patientId }, include: { author: true } });
    if (!doc) throw new AppError("NOT_FOUND");
    const decision = rectificationRequestDecision(actor, doc, ctx);
    if (decision.rule === "NOT_READABLE") throw new AppError("NOT_FOUND");
    if (!decision.allowed || !doc.author) throw new AppError("CONFLICT", "Ce document n'a pas de professionnel auteur : modifiez-le depuis votre espace personnel.");
    const pending = await tx.rectificationRequest.count({ where: { documentId: doc.id, status: "PENDING" } });
    if (pending > 0) throw new AppError("CONFLICT", "Une demande de rectification de ce document attend déjà la réponse de son auteur.");
    const now = platformNow();
    const request = await tx.rectificationRequest.create({
      data: { patientId: ctx.patientId, documentId: doc.id, authorId: doc.author.id, requestedByAccountId: actor.accountId, text: text.data, createdAt: now },
    });
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "RECTIFICATION_REQUEST", documentId: doc.id, justification: text.data, detail: doc.title, at: now });
    return { requestId: request.id, authorEmail: doc.author.email, authorName: name(doc.author), documentTitle: doc.title };
  });
}

/** The requests of the record the reader may see (those about documents they see). */
export async function findRectificationsForPatient(prisma: PrismaClient, actor: TPatientSideActor) {
  return runPatientCommand(
    prisma,
    actor,
    async (tx, ctx) => {
      const rows = await tx.rectificationRequest.findMany({
        where: { patientId: ctx.patientId },
        orderBy: { createdAt: "desc" },
        include: { document: { select: { id: true, title: true, patientId: true, typeCode: true, authorId: true, hiddenFromPros: true, hiddenFromPatient: true, hiddenFromLegalReps: true, opposedAt: true } } },
      });
      return rows.filter((r) => rectificationRequestDecision(actor, r.document, ctx).rule !== "NOT_READABLE");
    },
    { allowClosed: true },
  );
}

/** The requests addressed to this professional, pending first. */
export async function findRectificationsForAuthor(prisma: PrismaClient, actor: TProfessionalActor) {
  return prisma.rectificationRequest.findMany({
    where: { authorId: actor.professionalId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    include: { document: { select: { id: true, title: true, status: true, replacedBy: { select: { id: true } } } }, patient: { select: { firstName: true, lastName: true } } },
  });
}

/**
 * The author's answer. RECTIFICATION_ANSWER is the permission: the patient's request
 * invites its addressee, who may have no access to the record otherwise (a hospital feeds
 * without consent), so no record rule applies; the trace is written in the same
 * transaction. REPLACED needs the new version to exist (« Remplacer », or the feed).
 * Anyone else than the addressee: NOT_FOUND, as an unknown request.
 */
export async function answerRectification(prisma: PrismaClient, actor: TProfessionalActor, input: { requestId: string; kind: string; answer: string }, request: TCommandRequest = {}) {
  const parsed = ZRectificationAnswer.safeParse({ kind: input.kind, answer: input.answer });
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Choisissez une réponse.");
  if (!isWellFormedId(input.requestId)) throw new AppError("NOT_FOUND");
  return prisma.$transaction(async (tx) => {
    const req = await tx.rectificationRequest.findUnique({ where: { id: input.requestId }, include: { document: { include: { replacedBy: { select: { id: true } } } } } });
    if (!req) throw new AppError("NOT_FOUND");
    const decision = rectificationAnswerDecision(actor, req);
    if (decision.rule === "NOT_ADDRESSEE") throw new AppError("NOT_FOUND");
    if (!decision.allowed) throw new AppError("CONFLICT", "Cette demande a déjà reçu une réponse.");
    const { kind, answer } = parsed.data;
    if (kind === "REPLACED" && !req.document.replacedBy) {
      throw new AppError("CONFLICT", "Le document n'a pas encore été remplacé : utilisez « Remplacer » dans le dossier, puis répondez.");
    }
    const now = request.now ?? platformNow();
    const updated = await tx.rectificationRequest.updateMany({
      where: { id: req.id, status: "PENDING" },
      data: { status: kind, answer: answer || null, replacementId: kind === "REPLACED" ? (req.document.replacedBy?.id ?? null) : null, answeredAt: now },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Cette demande a déjà reçu une réponse.");
    await appendTrace(tx, {
      patientId: req.patientId,
      ...traceActorFields(actor),
      action: "RECTIFICATION_ANSWER",
      documentId: req.documentId,
      justification: answer || null,
      reason: PATIENT_RIGHTS_RULES.ADDRESSEE,
      detail: `${RECTIFICATION_ANSWERS[kind]} — ${req.document.title}`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
    // Told to whoever on the patient side may see the document (NOTIFICATION_AUDIENCE).
    await notifyPatients(
      tx,
      audiencesOf(documentNews(req.document, null)).map(({ audience }) => ({
        patientId: req.patientId,
        audience,
        message: { kind: "PATIENT_RIGHTS", right: "RECTIFICATION_ANSWERED", by: actor.name, documentTitle: req.document.title, answer: RECTIFICATION_ANSWERS[kind], comment: answer || null },
      })),
    );
    return { status: kind };
  });
}
