import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TActor, TProfessionalActor } from "@/lib/access/actor";
import { describeDecision } from "@/lib/access/decision";
import { authorSideOf, canCommentHealthProfileEntry, canReadHealthProfile, canWriteHealthProfile, type TEntryAuthorSide } from "@/lib/access/health-profile";
import type { TAccessContext } from "@/lib/access/access-context";
import { parisDay } from "@/lib/access/representation";
import { openRecord } from "@/lib/record-door/open-record";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import type { TMeasurementKind } from "./inputs";

export type TEntryAuthor = { side: TEntryAuthorSide; name: string; writtenAt: Date };
export type TEntryComment = { id: string; isContest: boolean; text: string; authorName: string; writtenAt: Date };
/** What the reader may do with an entry, from HEALTH_PROFILE (so forms offer only what will be allowed). */
export type TEntryRights = { mayEdit: boolean; mayComment: boolean };
type TEntry = { id: string; author: TEntryAuthor; comments: TEntryComment[]; rights: TEntryRights };

export type THealthProfile = {
  history: (TEntry & { category: "MEDICAL" | "SURGICAL"; label: string; since: string | null; note: string | null })[];
  allergies: (TEntry & { substance: string; reaction: string | null; severity: string | null })[];
  /** Current treatments first (no end date or ending today or later), then the finished ones. */
  treatments: (TEntry & { medication: string; dosage: string; startDate: string; endDate: string | null; isCurrent: boolean })[];
  vaccinations: (TEntry & { vaccine: string; atcCode: string | null; date: string; dose: string | null; lot: string | null; administeredBy: string | null })[];
  /** Oldest first (the chart's order). */
  measurements: (TEntry & { kind: TMeasurementKind; value: number; secondValue: number | null; unit: string; measuredOn: string })[];
  emergencyWishes: {
    directivesLocation: string | null;
    trustedPersonName: string | null;
    trustedPersonRelationship: string | null;
    trustedPersonPhone: string | null;
    organDonation: "ACCEPTS" | "REFUSES" | "UNDECIDED" | null;
    author: TEntryAuthor;
  } | null;
  /** Whether the reader may add entries to each section (HEALTH_PROFILE). */
  mayAdd: { history: boolean; allergies: boolean; treatments: boolean; vaccinations: boolean; measurements: boolean; emergencyWishes: boolean };
};

type TAuthorRow = { authorKind: string; authorName: string | null; writtenAt: Date | null; updatedAt?: Date; createdAt?: Date; recordedById?: string | null };

function authorOf(row: TAuthorRow, proNames: ReadonlyMap<string, string> = new Map()): TEntryAuthor {
  // Rows written before the health profile carry no name nor time: a professional's (named
  // from recordedById when known), dated by the row.
  const name = row.authorName ?? (row.recordedById ? proNames.get(row.recordedById) : undefined) ?? "Professionnel de santé";
  return { side: authorSideOf(row.authorKind), name, writtenAt: (row.writtenAt ?? row.updatedAt ?? row.createdAt) as Date };
}

/**
 * The whole profile of a record for a reader the caller already let in (canReadHealthProfile):
 * one query per section, comments grouped by entry, each entry with what the reader may do.
 */
export async function loadHealthProfile(db: Db, actor: TActor, ctx: TAccessContext, now: Date = platformNow()): Promise<THealthProfile> {
  const patientId = ctx.patientId;
  const today = parisDay(now);
  const byWritten = { writtenAt: "desc" } as const;
  const [history, allergies, treatments, vaccinations, measurements, wishes, comments] = await Promise.all([
    db.medicalHistoryEntry.findMany({ where: { patientId }, orderBy: [{ since: "desc" }, byWritten] }),
    db.allergy.findMany({ where: { patientId }, orderBy: { substance: "asc" } }),
    db.treatment.findMany({ where: { patientId }, orderBy: [{ startDate: "desc" }] }),
    db.vaccination.findMany({ where: { patientId }, orderBy: [{ date: "desc" }] }),
    db.measurement.findMany({ where: { patientId }, orderBy: [{ measuredOn: "asc" }, { writtenAt: "asc" }] }),
    db.emergencyWishes.findUnique({ where: { patientId } }),
    db.healthProfileComment.findMany({ where: { patientId }, orderBy: { writtenAt: "asc" } }),
  ]);
  const unnamed = [...allergies, ...treatments].filter((r) => r.authorName === null && r.recordedById).map((r) => r.recordedById as string);
  const proNames = new Map(
    unnamed.length === 0
      ? []
      : (await db.professional.findMany({ where: { id: { in: [...new Set(unnamed)] } }, select: { id: true, title: true, firstName: true, lastName: true } })).map(
          (p) => [p.id, [p.title, p.firstName, p.lastName].filter(Boolean).join(" ")] as const,
        ),
  );
  const commentsOf = (kind: string, id: string): TEntryComment[] =>
    comments
      .filter((c) => c.entryKind === kind && c.entryId === id)
      .map((c) => ({ id: c.id, isContest: c.isContest, text: c.text, authorName: c.authorName, writtenAt: c.writtenAt }));
  const entry = (kind: "HISTORY" | "ALLERGY" | "TREATMENT" | "VACCINATION" | "MEASUREMENT", row: TAuthorRow & { id: string }): TEntry => {
    const author = authorOf(row, proNames);
    return {
      id: row.id,
      author,
      comments: kind === "MEASUREMENT" ? [] : commentsOf(kind, row.id),
      rights: {
        mayEdit: canWriteHealthProfile(actor, ctx, kind, author.side).allowed,
        mayComment: kind !== "MEASUREMENT" && canCommentHealthProfileEntry(actor, ctx, author.side).allowed,
      },
    };
  };
  const treatmentRows = treatments.map((t) => ({
    ...entry("TREATMENT", t),
    medication: t.medication,
    dosage: t.dosage,
    startDate: t.startDate,
    endDate: t.endDate,
    isCurrent: t.endDate === null || t.endDate >= today,
  }));
  const mayAdd = (section: Parameters<typeof canWriteHealthProfile>[2]) => canWriteHealthProfile(actor, ctx, section, null).allowed;
  return {
    history: history.map((h) => ({ ...entry("HISTORY", h), category: h.category === "SURGICAL" ? "SURGICAL" : "MEDICAL", label: h.label, since: h.since, note: h.note })),
    allergies: allergies.map((a) => ({ ...entry("ALLERGY", a), substance: a.substance, reaction: a.reaction, severity: a.severity })),
    treatments: [...treatmentRows.filter((t) => t.isCurrent), ...treatmentRows.filter((t) => !t.isCurrent)],
    vaccinations: vaccinations.map((v) => ({
      ...entry("VACCINATION", v),
      vaccine: v.vaccine,
      atcCode: v.atcCode,
      date: v.date,
      dose: v.dose,
      lot: v.lot,
      administeredBy: v.administeredBy,
    })),
    measurements: measurements.map((m) => ({
      ...entry("MEASUREMENT", m),
      kind: m.kind as TMeasurementKind,
      value: m.value,
      secondValue: m.secondValue,
      unit: m.unit,
      measuredOn: m.measuredOn,
    })),
    emergencyWishes: wishes
      ? {
          directivesLocation: wishes.directivesLocation,
          trustedPersonName: wishes.trustedPersonName,
          trustedPersonRelationship: wishes.trustedPersonRelationship,
          trustedPersonPhone: wishes.trustedPersonPhone,
          organDonation: wishes.organDonation === "ACCEPTS" || wishes.organDonation === "REFUSES" || wishes.organDonation === "UNDECIDED" ? wishes.organDonation : null,
          author: authorOf(wishes),
        }
      : null,
    mayAdd: {
      history: mayAdd("HISTORY"),
      allergies: mayAdd("ALLERGY"),
      treatments: mayAdd("TREATMENT"),
      vaccinations: mayAdd("VACCINATION"),
      measurements: mayAdd("MEASUREMENT"),
      emergencyWishes: mayAdd("EMERGENCY_WISHES"),
    },
  };
}

/** The patient's (or a legal representative's) own view of the profile, closed record included. */
export async function getHealthProfileForPatientSide(prisma: PrismaClient, actor: TPatientSideActor): Promise<THealthProfile & { isRecordClosed: boolean }> {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  return { ...(await loadHealthProfile(prisma, actor, ctx)), isRecordClosed: ctx.recordStatus === "CLOSED" };
}

export type TProfessionalHealthProfile =
  | { isAllowed: true; habilitation: string; profile: THealthProfile }
  | { isAllowed: false; habilitation: string };

/**
 * A professional reads the profile like a document: the record door first (NOT_FOUND when
 * refused), then HEALTH_PROFILE (the matrix row PROFIL_MEDICAL). Either way a
 * HEALTH_PROFILE_VIEW trace names the decision; a refusal by the matrix is told (the record
 * itself is open to them, as for the reimbursements), nothing of the profile is queried.
 */
export async function getHealthProfileForProfessional(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<TProfessionalHealthProfile> {
  const now = request.now ?? platformNow();
  const { ctx } = await openRecord(prisma, actor, patientId, { ...request, now, traceView: false });
  const decision = canReadHealthProfile(actor, ctx);
  const trace = {
    patientId: ctx.patientId,
    ...traceActorFields(actor),
    action: "HEALTH_PROFILE_VIEW" as const,
    mode: decision.allowed ? decision.mode : (ctx.emergencyMode ?? "NORMAL"),
    outcome: decision.allowed ? ("ALLOWED" as const) : ("REFUSED" as const),
    reason: describeDecision(decision),
    ipAddress: request.ipAddress ?? null,
    at: now,
  };
  if (!decision.allowed) {
    await appendTrace(prisma, trace);
    return { isAllowed: false, habilitation: decision.habilitation ?? describeDecision(decision) };
  }
  await appendTrace(prisma, trace);
  return { isAllowed: true, habilitation: decision.habilitation ?? "", profile: await loadHealthProfile(prisma, actor, ctx, now) };
}

