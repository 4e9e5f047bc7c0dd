import type { Db } from "@/lib/db/types";
import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { resolveHabilitation, type TResolvedHabilitation } from "./habilitation";

const EMPTY_HABILITATION: TResolvedHabilitation = new Map();

/**
 * Loads the facts the policy needs for one actor and one record. Returns null when the
 * record does not exist, which callers turn into the same "not found" as a refusal.
 */
export async function loadAccessContext(
  db: Db,
  actor: TActor,
  patientId: string,
  now: Date = new Date(),
): Promise<TAccessContext | null> {
  const professionalId = actor.kind === "PROFESSIONAL" ? actor.professionalId : null;
  // One query for the record and this professional's block, authorization and open
  // emergency access (each query costs a compilation in Prisma's client engine).
  const [patient, rows] = await Promise.all([
    db.patient.findUnique({
      where: { id: patientId },
      select: {
        id: true,
        recordStatus: true,
        breakGlassAllowed: true,
        samuAllowed: true,
        treatingDoctorId: true,
        ...(professionalId
          ? {
              blocks: { where: { professionalId }, select: { id: true }, take: 1 },
              authorizations: { where: { professionalId }, select: { id: true }, take: 1 },
              emergencyAccesses: { where: { professionalId, expiresAt: { gt: now } }, orderBy: { startedAt: "desc" }, select: { mode: true }, take: 1 },
            }
          : {}),
      },
    }),
    actor.kind === "PROFESSIONAL" && actor.profession
      ? db.habilitationRule.findMany({
          where: { profession: actor.profession, specialty: { in: ["*", actor.specialty ?? "*"] } },
          select: { profession: true, specialty: true, typeCode: true, canRead: true },
        })
      : Promise.resolve([]),
  ]);
  if (!patient) return null;

  const base: TAccessContext = {
    patientId: patient.id,
    recordStatus: patient.recordStatus,
    breakGlassAllowed: patient.breakGlassAllowed,
    samuAllowed: patient.samuAllowed,
    isTreatingDoctor: false,
    isBlocked: false,
    hasAuthorization: false,
    emergencyMode: null,
    isRepresentative: false,
    habilitation: EMPTY_HABILITATION,
  };

  if (actor.kind === "PATIENT") return base;
  if (actor.kind === "LEGAL_REPRESENTATIVE") {
    const representation = await db.legalRepresentation.findUnique({
      where: { accountId_patientId: { accountId: actor.accountId, patientId } },
      select: { id: true },
    });
    return { ...base, isRepresentative: representation !== null };
  }

  const emergency = patient.emergencyAccesses?.[0] ?? null;
  return {
    ...base,
    isTreatingDoctor: patient.treatingDoctorId === actor.professionalId,
    isBlocked: (patient.blocks?.length ?? 0) > 0,
    hasAuthorization: (patient.authorizations?.length ?? 0) > 0,
    emergencyMode: emergency && emergency.mode !== "NORMAL" ? emergency.mode : null,
    habilitation: resolveHabilitation(rows, actor.profession, actor.specialty),
  };
}
