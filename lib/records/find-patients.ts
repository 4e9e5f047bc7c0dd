import { z } from "zod";
import type { Db } from "@/lib/db/types";
import type { TProfessionalActor } from "@/lib/access/actor";
import { parseNir } from "@/lib/identity/nir";
import { isAppError } from "@/lib/errors/app-error";

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
  /** The record, when one exists. */
  patientId: string | null;
  recordStatus: "OPEN" | "CLOSED" | null;
  /**
   * How this professional may open it now (a block shows as NONE: it is the patient's
   * secret). EMERGENCY: an emergency access they declared is still open.
   */
  access: "TREATING_DOCTOR" | "AUTHORIZED" | "EMERGENCY" | "NONE";
};

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]/g, "");
}

/**
 * Finds people in the Assurance Maladie registry by INS (NIR + birth date + birth rank)
 * or by name and birth date, and says whether each has a record. Nothing of the record's
 * content is returned. Throws AppError INVALID_NIR for a malformed NIR.
 */
export async function findPatients(db: Db, actor: TProfessionalActor, search: TPatientSearch, now: Date = new Date()): Promise<TPatientSearchResult[]> {
  const rows =
    search.mode === "ins"
      ? await db.beneficiary.findMany({
          where: { nir: parseNir(search.nir), birthDate: search.birthDate, birthRank: search.birthRank },
          include: { patient: { select: { id: true, recordStatus: true, treatingDoctorId: true } } },
        })
      : (
          await db.beneficiary.findMany({
            where: { birthDate: search.birthDate },
            include: { patient: { select: { id: true, recordStatus: true, treatingDoctorId: true } } },
            take: 500,
          })
        ).filter((b) => {
          const last = fold(search.lastName);
          const isNameMatch = fold(b.lastName).startsWith(last) || (b.birthName !== null && fold(b.birthName).startsWith(last));
          return isNameMatch && (!search.firstName || fold(b.firstName).startsWith(fold(search.firstName)));
        });
  const patientIds = rows.map((r) => r.patient?.id).filter((id): id is string => Boolean(id));
  const authorizations = await db.professionalAuthorization.findMany({
    where: { professionalId: actor.professionalId, patientId: { in: patientIds } },
    select: { patientId: true },
  });
  const authorized = new Set(authorizations.map((a) => a.patientId));
  const emergencies = await db.emergencyAccess.findMany({
    where: { professionalId: actor.professionalId, patientId: { in: patientIds }, expiresAt: { gt: now } },
    select: { patientId: true },
  });
  const inEmergency = new Set(emergencies.map((e) => e.patientId));
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
      recordStatus: b.patient?.recordStatus ?? null,
      access: !b.patient
        ? ("NONE" as const)
        : b.patient.treatingDoctorId === actor.professionalId
          ? ("TREATING_DOCTOR" as const)
          : authorized.has(b.patient.id)
            ? ("AUTHORIZED" as const)
            : inEmergency.has(b.patient.id)
              ? ("EMERGENCY" as const)
              : ("NONE" as const),
    }))
    .sort((a, b) => a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr"));
}

/** The French error of a search, for the form (INVALID_NIR keeps its precise reason). */
export function searchErrorMessage(error: unknown): string | null {
  return isAppError(error) && error.code === "INVALID_NIR" ? (error.userMessage ?? "NIR invalide.") : null;
}
