import type { TProfessionalActor } from "./actor";
import type { TDecision } from "./decision";

export type TEmergencyDoor = "SAMU" | "BREAK_GLASS";

/**
 * Who may push an emergency door of CSP L1111-17 at all, whatever the record: both doors
 * are for health professionals (a CPS card-holder profession); establishment staff, such
 * as a medical secretary with a CPE card (profession null), get neither. SAMU-Centre 15
 * regulation is for regulators only. The patient's opposition, the record's status and
 * blocks are checked afterwards by the record policy (emergencyDecision).
 */
export function emergencyDoorDecision(actor: Pick<TProfessionalActor, "profession" | "isSamuRegulator">, door: TEmergencyDoor): TDecision {
  if (!actor.profession) return { allowed: false, rule: "EMERGENCY_HEALTH_PROFESSIONALS_ONLY" };
  if (door === "SAMU") return actor.isSamuRegulator ? { allowed: true, rule: "SAMU", mode: "SAMU" } : { allowed: false, rule: "NOT_AUTHORIZED" };
  return { allowed: true, rule: "BREAK_GLASS", mode: "BREAK_GLASS" };
}

/** The emergency mode an access context may carry for this actor: none through a door they may not use. */
export function emergencyModeFor(actor: Pick<TProfessionalActor, "profession" | "isSamuRegulator">, mode: TEmergencyDoor | null): TEmergencyDoor | null {
  return mode && emergencyDoorDecision(actor, mode).allowed ? mode : null;
}
