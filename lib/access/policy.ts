import type { TActor } from "./actor";
import { sameSandboxNamespace } from "./sandbox-namespace";
import type { TAccessContext, TPolicyDocument } from "./access-context";
import type { TDecision } from "./decision";
import { emergencyModeFor } from "./emergency-doors";
import { habilitationFor } from "./habilitation";

/**
 * May this actor open this record at all? Rule RECORD_ACCESS of docs/DESIGN.md; for professionals
 * (open record, not blocked, authorized or in an emergency mode the patient allows).
 */
export function canAccessRecord(actor: TActor, ctx: TAccessContext): TDecision {
  switch (actor.kind) {
    case "PATIENT":
      return actor.patientId === ctx.patientId
        ? { allowed: true, rule: "PATIENT_OWN_RECORD", mode: "NORMAL" }
        : { allowed: false, rule: "NOT_OWN_RECORD" };
    case "LEGAL_REPRESENTATIVE":
      return actor.patientId === ctx.patientId && ctx.isRepresentative
        ? { allowed: true, rule: "LEGAL_REPRESENTATIVE", mode: "NORMAL" }
        : { allowed: false, rule: "NOT_REPRESENTATIVE" };
    case "PROFESSIONAL": {
      if (!sameSandboxNamespace(actor.namespaceId, ctx.namespaceId)) return { allowed: false, rule: "OTHER_SANDBOX_NAMESPACE" };
      if (ctx.recordStatus === "CLOSED") return { allowed: false, rule: "RECORD_CLOSED" };
      if (ctx.isBlocked) return { allowed: false, rule: "BLOCKED" };
      if (ctx.isTreatingDoctor) return { allowed: true, rule: "TREATING_DOCTOR", mode: "NORMAL" };
      if (ctx.hasAuthorization) return { allowed: true, rule: ctx.authorizationMethod === "CARE_TEAM" ? "CARE_TEAM" : "CONSENT", mode: "NORMAL" };
      // Only through a door this actor may use (EMERGENCY_DOORS): a context that claims a
      // mode for establishment staff, or SAMU for a non-regulator, opens nothing.
      return emergencyDecision(actor.isSamuRegulator, ctx, emergencyModeFor(actor, ctx.emergencyMode));
    }
  }
}

/**
 * The emergency doors of CSP L1111-17. Also used before opening an emergency access, to
 * refuse it (and trace the refusal) when the patient opposed it.
 */
export function emergencyDecision(
  isSamuRegulator: boolean,
  ctx: Pick<TAccessContext, "samuAllowed" | "breakGlassAllowed">,
  mode: "SAMU" | "BREAK_GLASS" | null,
): TDecision {
  if (mode === "SAMU" && isSamuRegulator) {
    return ctx.samuAllowed
      ? { allowed: true, rule: "SAMU", mode: "SAMU" }
      : { allowed: false, rule: "SAMU_OPPOSED" };
  }
  if (mode === "BREAK_GLASS") {
    return ctx.breakGlassAllowed
      ? { allowed: true, rule: "BREAK_GLASS", mode: "BREAK_GLASS" }
      : { allowed: false, rule: "BREAK_GLASS_OPPOSED" };
  }
  return { allowed: false, rule: "NOT_AUTHORIZED" };
}

/**
 * May this actor read this document? The record rules, then for professionals the
 * patient's opposition, the habilitation matrix (authors always read their own) and the
 * masking; for the patient and legal representatives, the masking codes aimed at them.
 * documentWhere() builds the same rule as a Prisma filter: keep them in step.
 */
export function canRead(actor: TActor, doc: TPolicyDocument, ctx: TAccessContext): TDecision {
  if (doc.patientId !== ctx.patientId) {
    return { allowed: false, rule: actor.kind === "PROFESSIONAL" ? "NOT_AUTHORIZED" : "NOT_OWN_RECORD" };
  }
  const record = canAccessRecord(actor, ctx);
  if (!record.allowed) return record;

  if (actor.kind === "PATIENT") {
    return doc.hiddenFromPatient ? { allowed: false, rule: "HIDDEN_FROM_PATIENT" } : record;
  }
  if (actor.kind === "LEGAL_REPRESENTATIVE") {
    if (doc.hiddenFromPatient) return { allowed: false, rule: "HIDDEN_FROM_PATIENT" };
    if (doc.hiddenFromLegalReps) return { allowed: false, rule: "HIDDEN_FROM_LEGAL_REPS" };
    return record;
  }

  if (doc.opposedAt) return { allowed: false, rule: "OPPOSED_BY_PATIENT" };
  const isAuthor = doc.authorId !== null && doc.authorId === actor.professionalId;
  let habilitation = "auteur du document";
  if (!isAuthor) {
    const entry = habilitationFor(ctx.habilitation, doc.typeCode);
    if (!entry.canRead) return { allowed: false, rule: "HABILITATION_DENIED", habilitation: entry.label };
    habilitation = entry.label;
  }
  if (doc.hiddenFromPros && !isAuthor && !ctx.isTreatingDoctor) {
    return { allowed: false, rule: "MASKED_FROM_PROS" };
  }
  return { ...record, habilitation };
}
