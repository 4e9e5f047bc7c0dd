import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors/app-error";
import { currentNamespace } from "@/lib/clock/namespace-scope";
import { blockProfessional, setTreatingDoctor } from "@/lib/records/care-team";
import { recordConsent } from "@/lib/records/record-consent";
import { updateEmergencySettings } from "@/lib/records/update-emergency-settings";
import { platformNow } from "@/lib/clock/clock";

const id = z.string().min(1).max(40);

/**
 * One relation per call, each written by the product's own command in its one transaction
 * (trace and notification included): the patient names a treating doctor, blocks a
 * professional or sets the emergency accesses; a professional records the patient's consent.
 */
export const relationInputSchema = z.discriminatedUnion("relation", [
  z.object({ relation: z.literal("medecin-traitant"), patientId: id, professionalId: id }).strict(),
  z.object({ relation: z.literal("blocage"), patientId: id, professionalId: id }).strict(),
  z.object({ relation: z.literal("consentement"), patientId: id, professionalId: id, consentDate: z.iso.date().optional() }).strict(),
  z.object({ relation: z.literal("urgences"), patientId: id, breakGlassAllowed: z.boolean(), samuAllowed: z.boolean() }).strict(),
]);

export type TRelationInput = z.output<typeof relationInputSchema>;

const UNKNOWN = (what: string) => new AppError("INVALID_INPUT", `${what} introuvable : créez-le d'abord avec le bac à sable.`);

/** The patient acting on their own record, as after their sign-in. */
async function patientActor(prisma: PrismaClient, patientId: string): Promise<TPatientActor> {
  const account = await prisma.account.findFirst({ where: { patientId, namespaceId: currentNamespace() }, select: { id: true, firstName: true, lastName: true } });
  if (!account) throw UNKNOWN("Patient");
  return { kind: "PATIENT", accountId: account.id, patientId, name: `${account.firstName} ${account.lastName}` };
}

/** The professional as their card sign-in makes them (lib/auth/pro/professional-session.ts). */
export async function professionalActor(prisma: PrismaClient, professionalId: string): Promise<TProfessionalActor> {
  const p = await prisma.professional.findFirst({ where: { id: professionalId, namespaceId: currentNamespace() }, include: { structure: { select: { name: true } } } });
  if (!p) throw UNKNOWN("Professionnel");
  return {
    kind: "PROFESSIONAL",
    professionalId: p.id,
    name: [p.title, p.firstName, p.lastName].filter(Boolean).join(" "),
    profession: p.profession,
    specialty: p.specialty,
    isSamuRegulator: p.isSamuRegulator,
    structureName: p.structure?.name ?? null,
    namespaceId: p.namespaceId,
  };
}

/** The product's refusals (a doctor who is not one, an already blocked professional…) are the caller's mistake here. */
async function asInputError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL") throw new AppError("INVALID_INPUT", error.userMessage ?? "Relation refusée par le DMP.");
    throw error;
  }
}

export async function createSandboxRelation(prisma: PrismaClient, input: TRelationInput): Promise<{ relation: TRelationInput["relation"]; patientId: string }> {
  const done = { relation: input.relation, patientId: input.patientId };
  switch (input.relation) {
    case "medecin-traitant": {
      const actor = await patientActor(prisma, input.patientId);
      await professionalActor(prisma, input.professionalId); // of this namespace, else unknown
      await asInputError(() => setTreatingDoctor(prisma, actor, { professionalId: input.professionalId }));
      return done;
    }
    case "blocage": {
      const actor = await patientActor(prisma, input.patientId);
      await professionalActor(prisma, input.professionalId); // of this namespace, else unknown
      await asInputError(() => blockProfessional(prisma, actor, input.professionalId));
      return done;
    }
    case "urgences": {
      const actor = await patientActor(prisma, input.patientId);
      await asInputError(() => updateEmergencySettings(prisma, actor, { breakGlassAllowed: input.breakGlassAllowed, samuAllowed: input.samuAllowed }));
      return done;
    }
    case "consentement": {
      const actor = await professionalActor(prisma, input.professionalId);
      if (!(await prisma.patient.findFirst({ where: { id: input.patientId, namespaceId: currentNamespace() }, select: { id: true } }))) throw UNKNOWN("Patient");
      const consentDate = input.consentDate ?? platformNow().toISOString().slice(0, 10);
      await asInputError(() => recordConsent(prisma, actor, input.patientId, { hasConsent: true, consentDate }));
      return done;
    }
  }
}
