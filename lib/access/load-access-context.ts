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
  const patient = await db.patient.findUnique({
    where: { id: patientId },
    select: { id: true, recordStatus: true, breakGlassAllowed: true, samuAllowed: true, treatingDoctorId: true },
  });
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

  const professionalId = actor.professionalId;
  const [block, authorization, emergency, rows] = await Promise.all([
    db.patientBlock.findUnique({
      where: { patientId_professionalId: { patientId, professionalId } },
      select: { id: true },
    }),
    db.professionalAuthorization.findUnique({
      where: { patientId_professionalId: { patientId, professionalId } },
      select: { id: true },
    }),
    db.emergencyAccess.findFirst({
      where: { patientId, professionalId, expiresAt: { gt: now } },
      orderBy: { startedAt: "desc" },
      select: { mode: true },
    }),
    actor.profession
      ? db.habilitationRule.findMany({
          where: { profession: actor.profession, specialty: { in: ["*", actor.specialty ?? "*"] } },
          select: { profession: true, specialty: true, typeCode: true, canRead: true },
        })
      : Promise.resolve([]),
  ]);

  return {
    ...base,
    isTreatingDoctor: patient.treatingDoctorId === professionalId,
    isBlocked: block !== null,
    hasAuthorization: authorization !== null,
    emergencyMode: emergency && emergency.mode !== "NORMAL" ? emergency.mode : null,
    habilitation: resolveHabilitation(rows, actor.profession, actor.specialty),
  };
}
