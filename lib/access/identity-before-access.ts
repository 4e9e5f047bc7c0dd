import type { TProfessionalActor } from "./actor";
import type { TAccessContext } from "./access-context";
import type { TDenyRule } from "./decision";
import { canAccessRecord } from "./policy";

export type TIdentityDecision = { isShown: true } | { isShown: false; rule: TDenyRule };

/**
 * May a professional without access yet see who a record belongs to (name, birth date on
 * the first-access page)? Only when asking the patient could open it: never on a closed
 * record, never to a professional the patient blocked. They then get the page of an
 * unknown record, so neither the closing nor the block is revealed.
 */
export function identityBeforeAccessDecision(ctx: Pick<TAccessContext, "recordStatus" | "isBlocked"> | null): TIdentityDecision {
  if (!ctx) return { isShown: false, rule: "NOT_AUTHORIZED" };
  if (ctx.recordStatus === "CLOSED") return { isShown: false, rule: "RECORD_CLOSED" };
  if (ctx.isBlocked) return { isShown: false, rule: "BLOCKED" };
  return { isShown: true };
}

/** What a search result says about a record: the way in the policy gives now, nothing else. */
export type TSearchAccess = "TREATING_DOCTOR" | "AUTHORIZED" | "EMERGENCY" | "NONE";

/**
 * A search result shows that a record exists and how this professional may open it now,
 * as the policy decides: a block or a closed record shows as "no access", exactly like a
 * record they were never given access to (the record's status is not shown).
 */
export function searchAccessFor(actor: TProfessionalActor, ctx: TAccessContext): TSearchAccess {
  const decision = canAccessRecord(actor, ctx);
  if (!decision.allowed) return "NONE";
  switch (decision.rule) {
    case "TREATING_DOCTOR":
      return "TREATING_DOCTOR";
    case "SAMU":
    case "BREAK_GLASS":
      return "EMERGENCY";
    default:
      return "AUTHORIZED";
  }
}

export type TPatientLookup = { isShown: true; access: TSearchAccess } | { isShown: false; rule: TDenyRule };

/**
 * PATIENT_LOOKUP (FHIR ITI-78 style, Patient?identifier=INS): DMP-compatible software learns
 * that a record exists for an INS, and how this professional may open it now, exactly when
 * the first-access page would show it (identityBeforeAccessDecision). An unknown, closed or
 * blocking record answers the same nothing.
 */
export function patientLookupFor(actor: TProfessionalActor, ctx: TAccessContext | null): TPatientLookup {
  const identity = identityBeforeAccessDecision(ctx);
  if (!identity.isShown || !ctx) return { isShown: false, rule: identity.isShown ? "NOT_AUTHORIZED" : identity.rule };
  return { isShown: true, access: searchAccessFor(actor, ctx) };
}
