import { currentNamespace } from "@/lib/clock/namespace-scope";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { issueCard } from "@/lib/pki/issue-card";
import type { TCardFile } from "@/lib/pki/card-file";
import { isKnownProfession, isKnownSpecialty } from "@/lib/reference/professions";
import { createSandboxStructure } from "./create-structure";
import { freeSandboxRpps, sandboxToken } from "./unique";

/**
 * What the person does on the platform: a health professional (the default), an
 * establishment's medical secretary (staff: no profession, no RPPS), a SAMU regulating
 * doctor, a platform operator, or (issue 16) an establishment's administrator (edits its
 * document catalogue) or admissions clerk (confirms NIRs), both staff.
 */
export const PROFESSIONAL_ROLES = ["professionnel", "secretaire", "regulateur", "operateur", "administrateur", "admissions"] as const;

/** The staff roles: no title, profession, specialty nor RPPS. */
const STAFF_ROLES: readonly TProfessionalRole[] = ["secretaire", "administrateur", "admissions"];
export type TProfessionalRole = (typeof PROFESSIONAL_ROLES)[number];

export const professionalInputSchema = z
  .object({
    role: z.enum(PROFESSIONAL_ROLES, { message: "Rôle inconnu : professionnel, secretaire, regulateur, operateur, administrateur ou admissions." }).default("professionnel"),
    title: z.string().trim().max(10).nullable().default("Dr"),
    firstName: z.string().trim().min(1).max(60).default("Alex"),
    lastName: z.string().trim().min(1).max(60).default("Essai"),
    /** TRE_G15 code: "10" médecin, "60" infirmier… (ignored for a secretary). */
    profession: z.string().refine(isKnownProfession, { message: "Profession inconnue (code TRE_G15 attendu, par exemple « 10 »)." }).default("10"),
    /** TRE_R38 code ("SM26" médecine générale…), or null (ignored for a secretary). */
    specialty: z.string().refine(isKnownSpecialty, { message: "Spécialité inconnue (code TRE_R38 attendu, par exemple « SM26 »)." }).nullable().default("SM26"),
    /** 4 digits; a random one when omitted. */
    pin: z.string().regex(/^\d{4}$/, { message: "Le code PIN comporte 4 chiffres." }).optional(),
    /**
     * A structure made by /api/sandbox/structures (its name goes on the card). A secretary
     * or a regulator without one gets a new hospital, or a new SAMU.
     */
    structureId: z.string().max(40).optional(),
  })
  .strict()
  .refine((input) => input.role !== "regulateur" || input.profession === "10", {
    path: ["profession"],
    message: "Un régulateur du SAMU est médecin (profession « 10 »).",
  });

export type TProfessionalInput = z.output<typeof professionalInputSchema>;

export type TSandboxProfessional = {
  professionalId: string;
  idNat: string;
  /** Null for a secretary (establishment staff have no RPPS). */
  rpps: string | null;
  name: string;
  role: TProfessionalRole;
  structureId: string | null;
  /** The card file to give to the card reader (format described in the README), its PIN and PUK. */
  card: { serial: string; pin: string; puk: string; expiresAt: Date; file: TCardFile };
};

/** The structure the professional works in: the one given (checked), a new one where the role needs it, or none. */
async function structureFor(prisma: PrismaClient, role: TProfessionalRole, structureId: string | undefined): Promise<{ id: string | null; created: boolean }> {
  if (structureId) {
    const structure = await prisma.structure.findFirst({ where: { id: structureId, namespaceId: currentNamespace() }, select: { id: true, kind: true } });
    if (!structure) throw new AppError("INVALID_INPUT", "Structure introuvable : créez-la d'abord (POST /api/sandbox/structures).");
    if (role === "regulateur" && structure.kind !== "SAMU") throw new AppError("INVALID_INPUT", "Un régulateur travaille dans un SAMU : la structure doit être de type SAMU.");
    return { id: structure.id, created: false };
  }
  if (STAFF_ROLES.includes(role)) return { id: (await createSandboxStructure(prisma, { name: "Centre hospitalier d'essai", kind: "HOSPITAL", city: "Paris", department: "75" })).structureId, created: true };
  if (role === "regulateur") return { id: (await createSandboxStructure(prisma, { name: "SAMU-Centre 15 d'essai", kind: "SAMU", city: "Paris", department: "75" })).structureId, created: true };
  return { id: null, created: false };
}

/** "3" + FINESS + "/SEC" + 4 characters: 18 characters, as the seed's, within the card file's 20. */
async function freeStaffIdNat(prisma: PrismaClient, finess: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const idNat = `3${finess}/SEC${randomInt(0, 36 ** 4).toString(36).toUpperCase().padStart(4, "0")}`;
    if (!(await prisma.professional.findUnique({ where: { idNat }, select: { id: true } }))) return idNat;
  }
  throw new Error("no free sandbox staff identifier");
}

/** The professional's row as the role makes it (the seed's secretary is "3" + FINESS + "/" + local id). */
async function identityFor(prisma: PrismaClient, role: TProfessionalRole, structureId: string | null) {
  if (STAFF_ROLES.includes(role)) {
    const { finess } = await prisma.structure.findUniqueOrThrow({ where: { id: structureId ?? "" }, select: { finess: true } });
    const establishmentRole = role === "administrateur" ? ("ADMIN" as const) : role === "admissions" ? ("ADMISSIONS" as const) : null;
    return { kind: "STAFF" as const, rpps: null, idNat: await freeStaffIdNat(prisma, finess), isSamuRegulator: false, isOperator: false, establishmentRole };
  }
  const rpps = await freeSandboxRpps(prisma);
  return { kind: "HEALTH_PROFESSIONAL" as const, rpps, idNat: `8${rpps}`, isSamuRegulator: role === "regulateur", isOperator: role === "operateur" };
}

/**
 * A professional with a CPS card issued by the product's issueCard. The rows written
 * before the card (the professional, a structure made for them) are removed again if the
 * card cannot be issued: a call leaves a professional with a working card, or nothing.
 */
export async function createSandboxProfessional(prisma: PrismaClient, input: TProfessionalInput): Promise<TSandboxProfessional> {
  const { pin = String(randomInt(0, 10_000)).padStart(4, "0"), role, structureId, ...given } = input;
  // Establishment staff have no title, profession or specialty.
  const person = STAFF_ROLES.includes(role) ? { ...given, title: null, profession: null, specialty: null } : given;
  const structure = await structureFor(prisma, role, structureId);
  let professionalId: string | null = null;
  try {
    const identity = await identityFor(prisma, role, structure.id);
    const professional = await prisma.professional.create({
      data: { ...person, ...identity, structureId: structure.id, email: `pro.${sandboxToken()}@bac-a-sable.test`, namespaceId: currentNamespace() },
    });
    professionalId = professional.id;
    const card = await issueCard(prisma, professional.id, { pin });
    return {
      professionalId: professional.id,
      idNat: professional.idNat,
      rpps: identity.rpps,
      name: [person.title, person.firstName, person.lastName].filter(Boolean).join(" "),
      role,
      structureId: structure.id,
      card: { serial: card.serial, pin, puk: card.puk, expiresAt: card.expiresAt, file: card.file },
    };
  } catch (error) {
    if (professionalId) {
      await prisma.cpsCard.deleteMany({ where: { professionalId } });
      await prisma.professional.delete({ where: { id: professionalId } });
    }
    if (structure.created && structure.id) {
      await prisma.structureCertificate.deleteMany({ where: { structureId: structure.id } });
      await prisma.structure.delete({ where: { id: structure.id } });
    }
    throw error;
  }
}
