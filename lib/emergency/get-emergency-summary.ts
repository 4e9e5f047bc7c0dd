import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { findDocuments } from "@/lib/documents/find-documents";
import type { TDocumentListItem } from "@/lib/documents/document-list-item";
import { openRecord } from "@/lib/record-door/open-record";
import { platformNow } from "@/lib/clock/clock";
import { canReadHealthProfile } from "@/lib/access/health-profile";

/** LOINC codes of the two documents a regulator or an emergency physician needs first. */
export const EMERGENCY_DOCUMENT_TYPES = { synthesis: "60591-5", dlu: "74207-2", advanceDirectives: "EXPPAT_3" } as const;

export type TEmergencySummary = {
  mode: "SAMU" | "BREAK_GLASS";
  /** When this professional's emergency access ends (null if it could not be found, e.g. closed meanwhile). */
  expiresAt: Date | null;
  justification: string | null;
  allergies: { id: string; substance: string; reaction: string | null; severity: string | null }[];
  treatments: { id: string; medication: string; dosage: string; startDate: string; endDate: string | null }[];
  emergencyContacts: { id: string; name: string; relationship: string; phone: string }[];
  /** The health profile's part (HEALTH_PROFILE: false when the matrix refuses it; allergies and treatments are then empty too). */
  isProfileAllowed: boolean;
  vaccinations: { id: string; vaccine: string; date: string; dose: string | null }[];
  /** Advance directives, trusted person, organ donation as the patient side wrote them, or null. */
  wishes: {
    directivesLocation: string | null;
    trustedPersonName: string | null;
    trustedPersonRelationship: string | null;
    trustedPersonPhone: string | null;
    organDonation: string | null;
  } | null;
  /** The latest « Directives anticipées » document this professional may read. */
  latestDirectives: TDocumentListItem | null;
  /** Latest synthesis (VSM) and latest emergency liaison document (DLU) this professional may read. */
  latestSynthesis: TDocumentListItem | null;
  latestDlu: TDocumentListItem | null;
};

/**
 * The emergency summary shown first to a professional in an emergency mode (SAMU-Centre 15
 * regulation or break-the-glass): allergies, current treatments, vaccinations, advance
 * directives, trusted person and organ donation wishes (the health profile, under
 * HEALTH_PROFILE), emergency contacts, the latest synthesis and the latest DLU. Opens the record through the policy without a new
 * RECORD_VIEW trace (the record view traces it); documents are read only through
 * findDocuments, so the matrix and masking apply. Returns null when the access is not an
 * emergency one; throws NOT_FOUND when the record is refused or unknown.
 */
export async function getEmergencySummary(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  request: { now?: Date } = {},
): Promise<TEmergencySummary | null> {
  const now = request.now ?? platformNow();
  const { ctx, decision } = await openRecord(prisma, actor, patientId, { now, traceView: false });
  if (decision.mode !== "SAMU" && decision.mode !== "BREAK_GLASS") return null;
  const latest = (typeCode: string) => findDocuments(prisma, actor, ctx, { typeCode, page: 1, pageSize: 1 });
  const isProfileAllowed = canReadHealthProfile(actor, ctx).allowed;
  // Without the matrix row nothing of the profile is queried (no row matches an empty id list).
  const profileWhere = isProfileAllowed ? {} : { id: { in: [] as string[] } };
  const [access, patient, synthesis, dlu, directives] = await Promise.all([
    prisma.emergencyAccess.findFirst({
      where: { patientId: ctx.patientId, professionalId: actor.professionalId, mode: decision.mode, expiresAt: { gt: now } },
      orderBy: { expiresAt: "desc" },
      select: { expiresAt: true, justification: true },
    }),
    prisma.patient.findUniqueOrThrow({
      where: { id: ctx.patientId },
      select: {
        allergies: { where: profileWhere, orderBy: { substance: "asc" }, select: { id: true, substance: true, reaction: true, severity: true } },
        treatments: {
          where: { ...profileWhere, OR: [{ endDate: null }, { endDate: { gte: now.toISOString().slice(0, 10) } }] },
          orderBy: { startDate: "desc" },
          select: { id: true, medication: true, dosage: true, startDate: true, endDate: true },
        },
        emergencyContacts: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, relationship: true, phone: true } },
        vaccinations: { where: profileWhere, orderBy: { date: "desc" }, select: { id: true, vaccine: true, date: true, dose: true } },
        emergencyWishes: {
          select: { patientId: true, directivesLocation: true, trustedPersonName: true, trustedPersonRelationship: true, trustedPersonPhone: true, organDonation: true },
        },
      },
    }),
    latest(EMERGENCY_DOCUMENT_TYPES.synthesis),
    latest(EMERGENCY_DOCUMENT_TYPES.dlu),
    latest(EMERGENCY_DOCUMENT_TYPES.advanceDirectives),
  ]);
  const wishes = isProfileAllowed ? patient.emergencyWishes : null;
  return {
    mode: decision.mode,
    expiresAt: access?.expiresAt ?? null,
    justification: access?.justification ?? null,
    allergies: patient.allergies,
    treatments: patient.treatments,
    emergencyContacts: patient.emergencyContacts,
    isProfileAllowed,
    vaccinations: patient.vaccinations,
    wishes: wishes
      ? {
          directivesLocation: wishes.directivesLocation,
          trustedPersonName: wishes.trustedPersonName,
          trustedPersonRelationship: wishes.trustedPersonRelationship,
          trustedPersonPhone: wishes.trustedPersonPhone,
          organDonation: wishes.organDonation,
        }
      : null,
    latestDirectives: directives.items[0] ?? null,
    latestSynthesis: synthesis.items[0] ?? null,
    latestDlu: dlu.items[0] ?? null,
  };
}
