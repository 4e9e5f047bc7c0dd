import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TPatientActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors/app-error";
import { currentNamespace } from "@/lib/clock/namespace-scope";
import { saveEmergencyWishes, savePatientSideEntry } from "@/lib/health-profile/profile-commands";
import { ZAllergyInput, ZEmergencyWishesInput, ZHistoryInput, ZMeasurementInput, ZTreatmentInput, ZVaccinationInput } from "@/lib/health-profile/inputs";

/** The profile's own schemas (the patient's forms), without the id of an entry to change. */
const list = <T extends z.ZodTypeAny>(entry: T, max: number) => z.array(entry).max(max, `${max} entrées au plus.`).default([]);

export const healthProfileInputSchema = z
  .object({
    patientId: z.string().min(1).max(40),
    antecedents: list(ZHistoryInput.omit({ id: true }), 50),
    allergies: list(ZAllergyInput.omit({ id: true }), 50),
    traitements: list(ZTreatmentInput, 50),
    vaccinations: list(ZVaccinationInput.omit({ id: true }), 50),
    mesures: list(ZMeasurementInput, 200),
    urgence: ZEmergencyWishesInput.optional(),
  })
  .strict();

export type THealthProfileInput = z.output<typeof healthProfileInputSchema>;

/**
 * A sandbox record's health profile, written as its holder would write it (the product's own
 * commands: HEALTH_PROFILE, one HEALTH_PROFILE_UPDATE trace per entry), so a suite can start
 * from a filled profile (the emergency summary, a professional's reading) without the forms.
 */
export async function loadSandboxHealthProfile(prisma: PrismaClient, input: THealthProfileInput): Promise<{ patientId: string; entries: number }> {
  const patient = await prisma.patient.findFirst({
    where: { id: input.patientId, namespaceId: currentNamespace() },
    select: { id: true, firstName: true, lastName: true, account: { select: { id: true } } },
  });
  if (!patient) throw new AppError("INVALID_INPUT", "Patient introuvable : créez-le d'abord avec le bac à sable.");
  const holder: TPatientActor = { kind: "PATIENT", accountId: patient.account?.id ?? "", patientId: patient.id, name: `${patient.firstName} ${patient.lastName}` };
  let entries = 0;
  for (const e of input.antecedents) {
    await savePatientSideEntry(prisma, holder, "HISTORY", e);
    entries += 1;
  }
  for (const e of input.allergies) {
    await savePatientSideEntry(prisma, holder, "ALLERGY", e);
    entries += 1;
  }
  for (const e of input.traitements) {
    await savePatientSideEntry(prisma, holder, "TREATMENT", e);
    entries += 1;
  }
  for (const e of input.vaccinations) {
    await savePatientSideEntry(prisma, holder, "VACCINATION", e);
    entries += 1;
  }
  for (const e of input.mesures) {
    await savePatientSideEntry(prisma, holder, "MEASUREMENT", e);
    entries += 1;
  }
  if (input.urgence) {
    await saveEmergencyWishes(prisma, holder, input.urgence);
    entries += 1;
  }
  return { patientId: patient.id, entries };
}
