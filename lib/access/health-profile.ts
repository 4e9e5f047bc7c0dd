import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import type { TDecision } from "./decision";
import { habilitationFor } from "./habilitation";
import { canAccessRecord } from "./policy";
import { canChangeOwnRecord } from "./record-actions";
import { HEALTH_PROFILE_ROW } from "@/lib/habilitations/default-matrix";

/**
 * HEALTH_PROFILE: the profil médical (history, allergies, treatments, vaccinations,
 * measurements, emergency information). docs/DESIGN.md lists the rule; the policy table
 * (HEALTH_PROFILE_EXPECTED) has its rows.
 */

/** The sections of the profile. Measurements and emergency wishes are the patient's word only. */
export const HEALTH_PROFILE_SECTIONS = ["HISTORY", "ALLERGY", "TREATMENT", "VACCINATION", "MEASUREMENT", "EMERGENCY_WISHES"] as const;
export type THealthProfileSection = (typeof HEALTH_PROFILE_SECTIONS)[number];
const PATIENT_SIDE_SECTIONS: ReadonlySet<THealthProfileSection> = new Set(["MEASUREMENT", "EMERGENCY_WISHES"]);

/** Who wrote an entry: the patient side (patient or legal representative) or a professional. */
export type TEntryAuthorSide = "PATIENT_SIDE" | "PROFESSIONAL";

export function authorSideOf(authorKind: string): TEntryAuthorSide {
  return authorKind === "PROFESSIONAL" ? "PROFESSIONAL" : "PATIENT_SIDE";
}

/**
 * Reading the profile: the patient and the legal representatives in force (closed record
 * included, like the documents); a professional who may open the record (emergency doors
 * included) only when the matrix gives their profession the PROFIL_MEDICAL row, named in
 * the decision (HABILITATION_DENIED otherwise, no exception for the treating doctor).
 */
export function canReadHealthProfile(actor: TActor, ctx: TAccessContext): TDecision {
  const record = canAccessRecord(actor, ctx);
  if (!record.allowed || actor.kind !== "PROFESSIONAL") return record;
  const row = habilitationFor(ctx.habilitation, HEALTH_PROFILE_ROW);
  return row.canRead ? { ...record, habilitation: row.label } : { allowed: false, rule: "HABILITATION_DENIED", habilitation: row.label };
}

/**
 * Writing an entry (new: `entryAuthor` null; else the side that wrote the entry changed).
 * Patient side: an open record (PATIENT_CHANGES), and never a professional's entry
 * (WRITTEN_BY_PROFESSIONAL: they comment on it or contest it instead). Professional: the
 * read rule first, then history, allergies, treatments and vaccinations only
 * (PATIENT_SIDE_ONLY for measurements and emergency wishes), never the patient side's
 * entries (WRITTEN_BY_PATIENT_SIDE).
 */
export function canWriteHealthProfile(
  actor: TActor,
  ctx: TAccessContext,
  section: THealthProfileSection,
  entryAuthor: TEntryAuthorSide | null,
): TDecision {
  if (actor.kind !== "PROFESSIONAL") {
    const change = canChangeOwnRecord(actor, ctx);
    if (!change.allowed) return change;
    return entryAuthor === "PROFESSIONAL" ? { allowed: false, rule: "WRITTEN_BY_PROFESSIONAL" } : change;
  }
  const read = canReadHealthProfile(actor, ctx);
  if (!read.allowed) return read;
  if (PATIENT_SIDE_SECTIONS.has(section)) return { allowed: false, rule: "PATIENT_SIDE_ONLY" };
  return entryAuthor === "PATIENT_SIDE" ? { allowed: false, rule: "WRITTEN_BY_PATIENT_SIDE" } : read;
}

/**
 * Commenting on or contesting an entry: the patient side, on an open record, on a
 * professional's entry (their own entries they simply change: WRITTEN_BY_PATIENT_SIDE).
 * Professionals read the comments and contests; they answer by correcting their entry
 * (PATIENT_SIDE_ONLY).
 */
export function canCommentHealthProfileEntry(actor: TActor, ctx: TAccessContext, entryAuthor: TEntryAuthorSide): TDecision {
  if (actor.kind === "PROFESSIONAL") {
    const read = canReadHealthProfile(actor, ctx);
    return read.allowed ? { allowed: false, rule: "PATIENT_SIDE_ONLY" } : read;
  }
  const change = canChangeOwnRecord(actor, ctx);
  if (!change.allowed) return change;
  return entryAuthor === "PATIENT_SIDE" ? { allowed: false, rule: "WRITTEN_BY_PATIENT_SIDE" } : change;
}
