import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AuthorizationMethod } from "@/lib/generated/prisma/enums";
import type { TProfessionalActor } from "@/lib/access/actor";
import { canAccessRecord } from "@/lib/access/policy";
import { describeDecision } from "@/lib/access/decision";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { notifyPatient } from "@/lib/notifications/notify-patient";
import { AppError } from "@/lib/errors/app-error";
import { platformNow } from "@/lib/clock/clock";
import { personWithStructure, type TNotificationFacts } from "@/lib/notifications/notification-wording";

export const ZConsentInput = z.object({
  hasConsent: z.literal(true, { error: "Cochez la case : le patient doit avoir donné son accord." }),
  consentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date du consentement attendue (JJ/MM/AAAA)."),
});

export type TConsentInput = z.infer<typeof ZConsentInput>;

/**
 * First access to a record: the professional states the patient agreed (and when). Records
 * the ProfessionalAuthorization, the AUTHORIZATION_GRANT trace and the FIRST_CONSULTATION
 * notification in one transaction. A closed record or a professional the patient blocked
 * is refused (the refusal is traced) with the same "not found" as an unknown record.
 */
export async function recordConsent(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  input: TConsentInput,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<{ isNew: boolean }> {
  const now = request.now ?? platformNow();
  const consentAt = new Date(`${input.consentDate}T12:00:00.000Z`);
  const today = now.toISOString().slice(0, 10);
  if (Number.isNaN(consentAt.getTime()) || input.consentDate > today) {
    throw new AppError("INVALID_INPUT", "La date du consentement ne peut pas être dans le futur.");
  }
  if (now.getTime() - consentAt.getTime() > 366 * 86400_000) {
    throw new AppError("INVALID_INPUT", "Le consentement doit dater de moins d'un an : recueillez-le à nouveau.");
  }
  const outcome = await prisma.$transaction((tx) =>
    grantAuthorization(tx, actor, patientId, {
      method: "CONSENT",
      consentAt,
      reason: `Consentement du patient recueilli le ${consentAt.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}`,
      notification: { kind: "FIRST_CONSULTATION", by: personWithStructure(actor.name, actor.structureName) },
      ipAddress: request.ipAddress ?? null,
      now,
    }),
  );
  if (outcome === "NOT_FOUND" || outcome === "REFUSED") throw new AppError("NOT_FOUND");
  return { isNew: outcome === "GRANTED" };
}

/**
 * Records a professional's authorization on a record, inside the caller's transaction:
 * refused (and traced) on a closed record or for a blocked professional; nothing to do when
 * they already have access; else the authorization, the AUTHORIZATION_GRANT trace and the
 * FIRST_CONSULTATION notification. Shared by consent and the care-team presumption.
 */
export async function grantAuthorization(
  tx: Prisma.TransactionClient,
  actor: TProfessionalActor,
  patientId: string,
  grant: { method: AuthorizationMethod; consentAt: Date; reason: string; notification: TNotificationFacts["FIRST_CONSULTATION"] & { kind: "FIRST_CONSULTATION" }; ipAddress: string | null; now: Date },
): Promise<"NOT_FOUND" | "ALREADY" | "REFUSED" | "GRANTED"> {
  const { now } = grant;
  const ctx = await loadAccessContext(tx, actor, patientId, now);
  if (!ctx) return "NOT_FOUND";
  const current = canAccessRecord(actor, ctx);
  if (current.allowed && (current.rule === "TREATING_DOCTOR" || current.rule === "CONSENT" || current.rule === "CARE_TEAM")) return "ALREADY";
  if (ctx.recordStatus === "CLOSED" || ctx.isBlocked) {
    await appendTrace(tx, {
      patientId,
      ...traceActorFields(actor),
      action: "AUTHORIZATION_GRANT",
      outcome: "REFUSED",
      reason: describeDecision({ allowed: false, rule: ctx.recordStatus === "CLOSED" ? "RECORD_CLOSED" : "BLOCKED" }),
      ipAddress: grant.ipAddress,
      at: now,
    });
    return "REFUSED";
  }
  await tx.professionalAuthorization.create({
    data: { patientId, professionalId: actor.professionalId, method: grant.method, consentAt: grant.consentAt, recordedById: actor.professionalId, recordedAt: now },
  });
  await appendTrace(tx, { patientId, ...traceActorFields(actor), action: "AUTHORIZATION_GRANT", reason: grant.reason, ipAddress: grant.ipAddress, at: now });
  await notifyPatient(tx, { patientId, message: grant.notification });
  return "GRANTED";
}
