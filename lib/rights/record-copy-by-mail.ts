import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertOperator, type TMaybeOperator } from "@/lib/access/operator-only";
import { AppError } from "@/lib/errors/app-error";
import { notifyPatient } from "@/lib/notifications/notify-patient";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { sameNamespaceWhere } from "@/lib/access/sandbox-namespace";
import type { TActor } from "@/lib/access/actor";

/**
 * The copy of the record "sent by registered mail by the hosting operator" (issue 17),
 * besides the immediate download: the patient (or a legal representative) asks with a
 * postal address; the operator (OPERATOR_ONLY) prints and sends it, and records the
 * registered-mail number. Both steps traced on the record, the sending notified.
 */

export const ZPostalAddress = z.object({
  recipient: z.string().trim().min(2, "Indiquez le nom du destinataire.").max(120, "120 caractères au plus."),
  street: z.string().trim().min(3, "Indiquez l'adresse (numéro et voie).").max(200, "200 caractères au plus."),
  postalCode: z.string().trim().regex(/^\d{5}$/, "Le code postal comporte 5 chiffres."),
  city: z.string().trim().min(1, "Indiquez la commune.").max(100, "100 caractères au plus."),
});
export type TPostalAddress = z.infer<typeof ZPostalAddress>;

export async function requestRecordCopyByMail(prisma: PrismaClient, actor: TPatientSideActor, address: TPostalAddress) {
  const parsed = ZPostalAddress.safeParse(address);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const a = parsed.data;
  return runPatientCommand(
    prisma,
    actor,
    async (tx, ctx) => {
      const pending = await tx.recordCopyRequest.count({ where: { patientId: ctx.patientId, status: "PENDING" } });
      if (pending > 0) throw new AppError("CONFLICT", "Une demande de copie par courrier est déjà en cours de traitement.");
      const now = platformNow();
      const postalAddress = `${a.recipient}\n${a.street}\n${a.postalCode} ${a.city}`;
      const created = await tx.recordCopyRequest.create({
        data: { patientId: ctx.patientId, requestedByAccountId: actor.accountId, postalAddress, createdAt: now, namespaceId: ctx.namespaceId },
      });
      await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "RECORD_COPY_MAIL_REQUEST", detail: `${a.postalCode} ${a.city}`, at: now });
      return { requestId: created.id };
    },
    { allowClosed: true },
  );
}

export async function findRecordCopyRequestsForPatient(prisma: PrismaClient, actor: TPatientSideActor) {
  return runPatientCommand(prisma, actor, (tx, ctx) => tx.recordCopyRequest.findMany({ where: { patientId: ctx.patientId }, orderBy: { createdAt: "desc" } }), { allowClosed: true });
}

/** The operator's queue: pending first, in the operator's sandbox namespace. */
export async function findRecordCopyRequestsForOperator(prisma: PrismaClient, actor: TMaybeOperator) {
  assertOperator(actor);
  return prisma.recordCopyRequest.findMany({
    where: sameNamespaceWhere(actor as TActor),
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    take: 200,
    include: { patient: { select: { firstName: true, lastName: true } } },
  });
}

export const ZTrackingNumber = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{8,20}$/i, "Le numéro de recommandé comporte de 8 à 20 lettres ou chiffres (par exemple 1A12345678901).");

/** The operator sent the copy: registered-mail number recorded, traced on the record, patient notified. */
export async function markRecordCopySent(prisma: PrismaClient, actor: TMaybeOperator, input: { requestId: string; trackingNumber: string }) {
  assertOperator(actor);
  if (actor.kind !== "PROFESSIONAL") throw new AppError("FORBIDDEN");
  const tracking = ZTrackingNumber.safeParse(input.trackingNumber);
  if (!tracking.success) throw new AppError("INVALID_INPUT", tracking.error.issues[0]?.message);
  return prisma.$transaction(async (tx) => {
    const req = await tx.recordCopyRequest.findFirst({ where: { id: input.requestId, ...sameNamespaceWhere(actor) } });
    if (!req) throw new AppError("NOT_FOUND");
    const now = platformNow();
    const updated = await tx.recordCopyRequest.updateMany({
      where: { id: req.id, status: "PENDING" },
      data: { status: "SENT", trackingNumber: tracking.data.toUpperCase(), handledByOperatorId: actor.professionalId, handledAt: now },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Cette copie a déjà été envoyée.");
    await appendTrace(tx, { patientId: req.patientId, ...traceActorFields(actor), action: "RECORD_COPY_MAIL_SENT", detail: `Recommandé n° ${tracking.data.toUpperCase()}`, at: now });
    await notifyPatient(tx, {
      patientId: req.patientId,
      message: { kind: "PATIENT_RIGHTS", right: "COPY_SENT_BY_MAIL", trackingNumber: tracking.data.toUpperCase() },
    });
  });
}
