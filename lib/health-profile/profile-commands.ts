import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { DENY_RULES, type TDecision } from "@/lib/access/decision";
import { canCommentHealthProfileEntry, canWriteHealthProfile } from "@/lib/access/health-profile";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";
import { runProfessionalCommand, type TCommandRequest } from "@/lib/record-door/professional-command";
import { authorFields, deleteEntry, describeEntry, entryAuthorSide, SECTION_WORDS, writeEntry, type TEntryInputs, type TEntrySection } from "./entry-store";
import { ORGAN_DONATION_CHOICES, type TEmergencyWishesInput, type TEntryCommentInput } from "./inputs";

/** What the patient side is told when the rule refuses (the forms never offer it). */
function patientSideRefusal(decision: TDecision): never {
  if (decision.allowed) throw new Error("not a refusal");
  if (decision.rule === "WRITTEN_BY_PROFESSIONAL") {
    throw new AppError("FORBIDDEN", "Cette information a été écrite par un professionnel : vous pouvez la commenter ou la contester, pas la modifier.");
  }
  if (decision.rule === "WRITTEN_BY_PATIENT_SIDE") throw new AppError("FORBIDDEN", "Vous pouvez modifier directement cette information, que vous avez écrite.");
  throw new AppError("FORBIDDEN", DENY_RULES[decision.rule]);
}

/**
 * The patient, or a legal representative, adds or changes an entry of the profile (any
 * section; never a professional's entry: HEALTH_PROFILE), with its HEALTH_PROFILE_UPDATE
 * trace in the same transaction.
 */
export async function savePatientSideEntry<S extends TEntrySection>(prisma: PrismaClient, actor: TPatientSideActor, section: S, input: TEntryInputs[S]) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const now = platformNow();
    const existing = input.id ? await entryAuthorSide(tx, section, ctx.patientId, input.id) : null;
    const decision = canWriteHealthProfile(actor, ctx, section, existing);
    if (!decision.allowed) patientSideRefusal(decision);
    const id = await writeEntry(tx, section, ctx.patientId, input, authorFields(actor, now));
    const words = SECTION_WORDS[section];
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "HEALTH_PROFILE_UPDATE",
      reason: input.id ? words.changed : words.added,
      detail: describeEntry(section, input),
      at: now,
    });
    return { id };
  });
}

/** The patient side removes one of its own entries (a professional's stays: WRITTEN_BY_PROFESSIONAL). */
export async function deletePatientSideEntry(prisma: PrismaClient, actor: TPatientSideActor, section: TEntrySection, id: string) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const now = platformNow();
    const decision = canWriteHealthProfile(actor, ctx, section, await entryAuthorSide(tx, section, ctx.patientId, id));
    if (!decision.allowed) patientSideRefusal(decision);
    await deleteEntry(tx, section, ctx.patientId, id);
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "HEALTH_PROFILE_UPDATE", reason: SECTION_WORDS[section].removed, at: now });
  });
}

/**
 * The patient side comments on, or contests, a professional's entry (the only way to
 * answer it: HEALTH_PROFILE). Professionals see the comment beside the entry.
 */
export async function commentOnEntry(prisma: PrismaClient, actor: TPatientSideActor, input: TEntryCommentInput) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const now = platformNow();
    const decision = canCommentHealthProfileEntry(actor, ctx, await entryAuthorSide(tx, input.entryKind, ctx.patientId, input.entryId));
    if (!decision.allowed) patientSideRefusal(decision);
    const { recordedById: _pro, ...author } = authorFields(actor, now);
    await tx.healthProfileComment.create({
      data: { patientId: ctx.patientId, entryKind: input.entryKind, entryId: input.entryId, isContest: input.isContest, text: input.text, ...author },
    });
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "HEALTH_PROFILE_UPDATE",
      reason: `${SECTION_WORDS[input.entryKind].noun} ${input.isContest ? "contestée" : "commentée"}`,
      detail: input.text,
      at: now,
    });
  });
}

/** Advance directives, trusted person and organ donation: the patient side's word (one row per record). */
export async function saveEmergencyWishes(prisma: PrismaClient, actor: TPatientSideActor, input: TEmergencyWishesInput) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const now = platformNow();
    const decision = canWriteHealthProfile(actor, ctx, "EMERGENCY_WISHES", null);
    if (!decision.allowed) patientSideRefusal(decision);
    const { recordedById: _pro, ...author } = authorFields(actor, now);
    const data = {
      directivesLocation: input.directivesLocation ?? null,
      trustedPersonName: input.trustedPersonName ?? null,
      trustedPersonRelationship: input.trustedPersonRelationship ?? null,
      trustedPersonPhone: input.trustedPersonPhone ?? null,
      organDonation: input.organDonation ?? null,
      ...author,
    };
    await tx.emergencyWishes.upsert({ where: { patientId: ctx.patientId }, create: { ...data, patientId: ctx.patientId }, update: data });
    const parts = [
      input.directivesLocation ? "directives anticipées" : null,
      input.trustedPersonName ? "personne de confiance" : null,
      input.organDonation ? `don d'organes : ${ORGAN_DONATION_CHOICES[input.organDonation]}` : null,
    ].filter(Boolean);
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "HEALTH_PROFILE_UPDATE",
      reason: "Informations d'urgence modifiées",
      detail: parts.length > 0 ? parts.join(", ") : "Informations d'urgence effacées",
      at: now,
    });
  });
}

/** The sections a professional writes (HEALTH_PROFILE: not measurements, not emergency wishes). */
export type TProfessionalSection = "HISTORY" | "ALLERGY" | "TREATMENT" | "VACCINATION";

/**
 * A professional adds or corrects an entry (their colleagues' included, never the patient
 * side's), under HEALTH_PROFILE: the matrix row PROFIL_MEDICAL binds them. The trace is
 * written in the same transaction; a refusal is traced (REFUSED) and answers NOT_FOUND.
 */
export async function saveProfessionalEntry<S extends TProfessionalSection>(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  section: S,
  input: TEntryInputs[S],
  request: TCommandRequest = {},
) {
  return runProfessionalCommand(
    prisma,
    actor,
    patientId,
    "HEALTH_PROFILE_UPDATE",
    async (tx, ctx, _record, now, refuse) => {
      const existing = input.id ? await entryAuthorSide(tx, section, ctx.patientId, input.id) : null;
      const decision = canWriteHealthProfile(actor, ctx, section, existing);
      if (!decision.allowed) refuse(decision);
      const id = await writeEntry(tx, section, ctx.patientId, input, authorFields(actor, now));
      const words = SECTION_WORDS[section];
      await appendTrace(tx, {
        patientId: ctx.patientId,
        ...traceActorFields(actor),
        action: "HEALTH_PROFILE_UPDATE",
        mode: decision.allowed ? decision.mode : "NORMAL",
        reason: input.id ? words.changed : words.added,
        detail: describeEntry(section, input),
        ipAddress: request.ipAddress ?? null,
        at: now,
      });
      return { id };
    },
    request,
  );
}
