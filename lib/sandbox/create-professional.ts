import { currentNamespace } from "@/lib/clock/namespace-scope";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { issueCard } from "@/lib/pki/issue-card";
import type { TCardFile } from "@/lib/pki/card-file";
import { isKnownProfession, isKnownSpecialty } from "@/lib/reference/professions";
import { freeSandboxRpps, sandboxToken } from "./unique";

export const professionalInputSchema = z
  .object({
    title: z.string().trim().max(10).nullable().default("Dr"),
    firstName: z.string().trim().min(1).max(60).default("Alex"),
    lastName: z.string().trim().min(1).max(60).default("Essai"),
    /** TRE_G15 code: "10" médecin, "60" infirmier… */
    profession: z.string().refine(isKnownProfession, { message: "Profession inconnue (code TRE_G15 attendu, par exemple « 10 »)." }).default("10"),
    /** TRE_R38 code ("SM26" médecine générale…), or null. */
    specialty: z.string().refine(isKnownSpecialty, { message: "Spécialité inconnue (code TRE_R38 attendu, par exemple « SM26 »)." }).nullable().default("SM26"),
    /** 4 digits; a random one when omitted. */
    pin: z.string().regex(/^\d{4}$/, { message: "Le code PIN comporte 4 chiffres." }).optional(),
    /** A structure made by /api/sandbox/structures (its name goes on the card). */
    structureId: z.string().max(40).optional(),
  })
  .strict();

export type TProfessionalInput = z.output<typeof professionalInputSchema>;

export type TSandboxProfessional = {
  professionalId: string;
  idNat: string;
  rpps: string;
  name: string;
  /** The card file to give to the card reader (format described in the README), its PIN and PUK. */
  card: { serial: string; pin: string; puk: string; expiresAt: Date; file: TCardFile };
};

/**
 * A health professional with a CPS card issued by the product's issueCard. The
 * professional's row is removed again if the card cannot be issued: a call leaves a
 * professional with a working card, or nothing.
 */
export async function createSandboxProfessional(prisma: PrismaClient, input: TProfessionalInput): Promise<TSandboxProfessional> {
  const { pin = String(randomInt(0, 10_000)).padStart(4, "0"), ...person } = input;
  if (person.structureId && !(await prisma.structure.findFirst({ where: { id: person.structureId, namespaceId: currentNamespace() }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "Structure introuvable : créez-la d'abord (POST /api/sandbox/structures).");
  }
  const rpps = await freeSandboxRpps(prisma);
  const professional = await prisma.professional.create({
    data: { ...person, rpps, idNat: `8${rpps}`, kind: "HEALTH_PROFESSIONAL", email: `pro.${sandboxToken()}@bac-a-sable.test`, namespaceId: currentNamespace() },
  });
  try {
    const card = await issueCard(prisma, professional.id, { pin });
    return {
      professionalId: professional.id,
      idNat: professional.idNat,
      rpps,
      name: [person.title, person.firstName, person.lastName].filter(Boolean).join(" "),
      card: { serial: card.serial, pin, puk: card.puk, expiresAt: card.expiresAt, file: card.file },
    };
  } catch (error) {
    await prisma.cpsCard.deleteMany({ where: { professionalId: professional.id } });
    await prisma.professional.delete({ where: { id: professional.id } });
    throw error;
  }
}
