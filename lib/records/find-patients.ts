import { z } from "zod";
import { sameNamespaceWhere } from "@/lib/access/sandbox-namespace";
import type { Db } from "@/lib/db/types";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { emergencyModeFor } from "@/lib/access/emergency-doors";
import { searchAccessFor, type TSearchAccess } from "@/lib/access/identity-before-access";
import { parseNir } from "@/lib/identity/nir";
import { isAppError } from "@/lib/errors/app-error";
import { platformNow } from "@/lib/clock/clock";

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date de naissance attendue (JJ/MM/AAAA).").refine((s) => !Number.isNaN(Date.parse(s)), "Date de naissance invalide.");

export const ZPatientSearch = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("ins"),
    nir: z.string().trim().min(1, "Saisissez le NIR.").max(30),
    birthDate: ZDay,
    birthRank: z.coerce.number().int("Rang de naissance invalide.").min(1, "Rang de naissance invalide.").max(9, "Rang de naissance invalide.").default(1),
  }),
  z.object({
    mode: z.literal("name"),
    lastName: z.string().trim().min(2, "Saisissez au moins 2 lettres du nom.").max(80),
    firstName: z.string().trim().max(80).optional(),
    birthDate: ZDay,
  }),
]);

export type TPatientSearch = z.infer<typeof ZPatientSearch>;

export type TPatientSearchResult = {
  beneficiaryId: string;
  firstName: string;
  lastName: string;
  birthName: string | null;
  birthDate: string;
  birthRank: number;
  sex: "M" | "F";
  /** The record, when one exists (a closed record too: its status is the patient's business). */
  patientId: string | null;
  /**
   * How this professional may open it now, as the policy decides (searchAccessFor): a block
   * or a closed record shows as NONE, like any record they have no access to.
   * EMERGENCY: an emergency access they declared is still open.
   */
  access: TSearchAccess;
};

const PATIENT_FACTS = { id: true, recordStatus: true, treatingDoctorId: true, breakGlassAllowed: true, samuAllowed: true, namespaceId: true } as const;

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]/g, "");
}

/**
 * Finds people in the Assurance Maladie registry by INS (NIR + birth date + birth rank)
 * or by name and birth date, and says whether each has a record. Nothing of the record's
 * content is returned. Throws AppError INVALID_NIR for a malformed NIR.
 */
export async function findPatients(db: Db, actor: TProfessionalActor, search: TPatientSearch, now: Date = platformNow()): Promise<TPatientSearchResult[]> {
  const rows =
    search.mode === "ins"
      ? await db.beneficiary.findMany({
          where: { nir: parseNir(search.nir), birthDate: search.birthDate, birthRank: search.birthRank, ...sameNamespaceWhere(actor) },
          include: { patient: { select: PATIENT_FACTS } },
        })
      : (
          await db.beneficiary.findMany({
            where: { birthDate: search.birthDate, ...sameNamespaceWhere(actor) },
            include: { patient: { select: PATIENT_FACTS } },
            take: 500,
          })
        ).filter((b) => {
          const last = fold(search.lastName);
          const isNameMatch = fold(b.lastName).startsWith(last) || (b.birthName !== null && fold(b.birthName).startsWith(last));
          return isNameMatch && (!search.firstName || fold(b.firstName).startsWith(fold(search.firstName)));
        });
  const patientIds = rows.map((r) => r.patient?.id).filter((id): id is string => Boolean(id));
  const me = actor.professionalId;
  const [authorizations, blocks, emergencies] = await Promise.all([
    db.professionalAuthorization.findMany({ where: { professionalId: me, patientId: { in: patientIds } }, select: { patientId: true, method: true } }),
    db.patientBlock.findMany({ where: { professionalId: me, patientId: { in: patientIds } }, select: { patientId: true } }),
    db.emergencyAccess.findMany({
      where: { professionalId: me, patientId: { in: patientIds }, expiresAt: { gt: now } },
      orderBy: { startedAt: "asc" },
      select: { patientId: true, mode: true },
    }),
  ]);
  const method = new Map(authorizations.map((a) => [a.patientId, a.method]));
  const blocked = new Set(blocks.map((b) => b.patientId));
  // The latest open emergency access wins, as in loadAccessContext.
  const emergency = new Map(emergencies.map((e) => [e.patientId, e.mode]));
  const accessTo = (patient: NonNullable<(typeof rows)[number]["patient"]>): TSearchAccess => {
    const mode = emergency.get(patient.id);
    const ctx: TAccessContext = {
      patientId: patient.id,
      namespaceId: patient.namespaceId,
      recordStatus: patient.recordStatus,
      breakGlassAllowed: patient.breakGlassAllowed,
      samuAllowed: patient.samuAllowed,
      isTreatingDoctor: patient.treatingDoctorId === me,
      isBlocked: blocked.has(patient.id),
      hasAuthorization: method.has(patient.id),
      authorizationMethod: method.get(patient.id) ?? null,
      emergencyMode: emergencyModeFor(actor, mode && mode !== "NORMAL" ? mode : null),
      isRepresentative: false,
      habilitation: new Map(),
    };
    return searchAccessFor(actor, ctx);
  };
  return rows
    .map((b) => ({
      beneficiaryId: b.id,
      firstName: b.firstName,
      lastName: b.lastName,
      birthName: b.birthName,
      birthDate: b.birthDate,
      birthRank: b.birthRank,
      sex: b.sex,
      patientId: b.patient?.id ?? null,
      access: b.patient ? accessTo(b.patient) : ("NONE" as const),
    }))
    .sort((a, b) => a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr"));
}

/** The French error of a search, for the form (INVALID_NIR keeps its precise reason). */
export function searchErrorMessage(error: unknown): string | null {
  return isAppError(error) && error.code === "INVALID_NIR" ? (error.userMessage ?? "NIR invalide.") : null;
}
