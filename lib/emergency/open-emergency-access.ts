import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { canAccessRecord, emergencyDecision } from "@/lib/access/policy";
import { describeDecision, NEUTRAL_REFUSAL_MESSAGE, type TDecision } from "@/lib/access/decision";
import { emergencyDoorDecision } from "@/lib/access/emergency-doors";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { notifyPatient } from "@/lib/notifications/notify-patient";
import { AppError } from "@/lib/errors/app-error";
import { emergencyAccessMinutes } from "./emergency-duration";
import { platformNow } from "@/lib/clock/clock";
import { personWithStructure } from "@/lib/notifications/notification-wording";
import { isWellFormedId } from "@/lib/http/row-id";

export type TEmergencyMode = "SAMU" | "BREAK_GLASS";

export type TEmergencyOutcome =
  | { status: "OPENED"; expiresAt: Date }
  | { status: "ALREADY_AUTHORIZED" }
  | { status: "REFUSED"; rule: TDecision["rule"]; message: string };

const REFUSAL_MESSAGES: Partial<Record<TDecision["rule"], string>> = {
  SAMU_OPPOSED: "Accès refusé : le patient s'est opposé à l'accès de la régulation SAMU-Centre 15 à son DMP.",
  BREAK_GLASS_OPPOSED: "Accès refusé : le patient s'est opposé à l'accès en urgence (bris de glace) à son DMP.",
  // A closed record and a block are the patient's secret: the same words as an unknown record.
  RECORD_CLOSED: NEUTRAL_REFUSAL_MESSAGE,
  BLOCKED: NEUTRAL_REFUSAL_MESSAGE,
  NOT_AUTHORIZED: "Accès refusé : seul un régulateur du SAMU-Centre 15 peut ouvrir un dossier en mode régulation.",
  EMERGENCY_HEALTH_PROFESSIONALS_ONLY: "Accès refusé : l'accès en urgence est réservé aux professionnels de santé (carte CPS).",
};

/**
 * Opens one of the two emergency doors of CSP L1111-17 on a record: SAMU-Centre 15
 * regulation (a regulator, no justification) or break-the-glass (any professional, a
 * justification). Checks the record and the patient's choice at this very moment; a
 * refusal is traced and explained; an opening writes the EmergencyAccess (valid
 * emergencyAccessMinutes()), its trace and the patient's notification in one transaction.
 * A door the professional may not use at all (emergencyDoorDecision: staff, SAMU without
 * being a regulator) is refused the same way whether the record exists or not (traced when
 * it does). A closed record or a block answers as an unknown record, which throws NOT_FOUND.
 */
export async function openEmergencyAccess(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  input: { mode: TEmergencyMode; justification?: string | null },
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<TEmergencyOutcome> {
  const now = request.now ?? platformNow();
  if (!isWellFormedId(patientId)) throw new AppError("NOT_FOUND");
  const justification = input.mode === "BREAK_GLASS" ? (input.justification ?? "").trim() : null;
  if (input.mode === "BREAK_GLASS" && (justification ?? "").length < 20) {
    throw new AppError("INVALID_INPUT", "La justification de l'accès en urgence est obligatoire (au moins une phrase).");
  }
  const action = input.mode === "SAMU" ? "SAMU_ACCESS" : "BREAK_GLASS_ACCESS";

  const door = emergencyDoorDecision(actor, input.mode);

  return prisma.$transaction(async (tx): Promise<TEmergencyOutcome> => {
    // Every attempt on an existing record is traced with the rule that decided it.
    const traceAttempt = (decision: TDecision) =>
      appendTrace(tx, {
        patientId,
        ...traceActorFields(actor),
        action,
        mode: input.mode,
        justification,
        outcome: decision.allowed ? "ALLOWED" : "REFUSED",
        reason: describeDecision(decision),
        ipAddress: request.ipAddress ?? null,
        at: now,
      });
    const ctx = await loadAccessContext(tx, actor, patientId, now);
    if (!door.allowed) {
      if (ctx) await traceAttempt(door);
      return { status: "REFUSED", rule: door.rule, message: REFUSAL_MESSAGES[door.rule] ?? "Accès refusé." };
    }
    if (!ctx) throw new AppError("NOT_FOUND");

    const current = canAccessRecord(actor, { ...ctx, emergencyMode: null });
    if (current.allowed) return { status: "ALREADY_AUTHORIZED" };

    // Closed record and blocks come first, as for any access; then the patient's choice.
    const decision: TDecision =
      ctx.recordStatus === "CLOSED"
        ? { allowed: false, rule: "RECORD_CLOSED" }
        : ctx.isBlocked
          ? { allowed: false, rule: "BLOCKED" }
          : emergencyDecision(actor.isSamuRegulator, ctx, input.mode);

    await traceAttempt(decision);
    if (!decision.allowed) {
      return { status: "REFUSED", rule: decision.rule, message: REFUSAL_MESSAGES[decision.rule] ?? "Accès refusé." };
    }

    const expiresAt = new Date(now.getTime() + emergencyAccessMinutes() * 60_000);
    await tx.emergencyAccess.create({
      data: { patientId, professionalId: actor.professionalId, mode: input.mode, justification, startedAt: now, expiresAt },
    });
    const by = personWithStructure(actor.name, actor.structureName);
    await notifyPatient(tx, {
      patientId,
      message: input.mode === "SAMU" ? { kind: "EMERGENCY_ACCESS", mode: "SAMU", at: now, by } : { kind: "EMERGENCY_ACCESS", mode: "BREAK_GLASS", at: now, by, justification: justification ?? "" },
    });
    return { status: "OPENED", expiresAt };
  });
}
