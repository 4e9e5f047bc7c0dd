import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TCommandRequest } from "@/lib/record-door/professional-command";
import { saveProfessionalEntry } from "@/lib/health-profile/profile-commands";
import { ZAllergyInput, ZTreatmentInput, type TAllergyInput, type TTreatmentInput } from "@/lib/health-profile/inputs";

/**
 * Allergies and treatments are sections of the health profile (lib/health-profile): a
 * professional writes them under the HEALTH_PROFILE rule, with their name and the time.
 */
export { ZAllergyInput, ZTreatmentInput, type TAllergyInput, type TTreatmentInput };

/** Adds an allergy, or corrects a professional's one (HEALTH_PROFILE_UPDATE trace, same transaction). */
export function saveAllergy(prisma: PrismaClient, actor: TProfessionalActor, patientId: string, input: TAllergyInput, request: TCommandRequest = {}) {
  return saveProfessionalEntry(prisma, actor, patientId, "ALLERGY", input, request);
}

/** Adds a treatment, or corrects a professional's one (HEALTH_PROFILE_UPDATE trace, same transaction). */
export function saveTreatment(prisma: PrismaClient, actor: TProfessionalActor, patientId: string, input: TTreatmentInput, request: TCommandRequest = {}) {
  return saveProfessionalEntry(prisma, actor, patientId, "TREATMENT", input, request);
}
