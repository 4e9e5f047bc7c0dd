import { randomInt } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { currentNamespace } from "@/lib/clock/namespace-scope";

const id = z.string().min(1).max(40);

/**
 * POST /api/sandbox/admissions: a patient's file (IPP) in a structure's own patient list, the
 * list the hospital simulator (/hopital) writes letters from. Either a person of the registry
 * (`beneficiaryId`: a qualified identity, linked to their record when they have one) or an
 * identity known to the hospital only (`identity`: provisional, no NIR, nothing can be sent).
 */
export const admissionInputSchema = z
  .object({
    structureId: id,
    beneficiaryId: id.optional(),
    identity: z
      .object({
        firstName: z.string().trim().min(1).max(60),
        lastName: z.string().trim().min(1).max(60),
        sex: z.enum(["M", "F"]),
        birthDate: z.iso.date(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((d) => (d.beneficiaryId === undefined) !== (d.identity === undefined), {
    message: "Donnez « beneficiaryId » (identité qualifiée) ou « identity » (identité provisoire), l'un des deux.",
    path: ["beneficiaryId"],
  });

export type TAdmissionInput = z.output<typeof admissionInputSchema>;

export type TSandboxAdmission = { structurePatientId: string; structureId: string; localId: string; identityStatus: "QUALIFIED" | "PROVISIONAL"; patientId: string | null };

/** An IPP the structure does not use yet ("IPP" + 8 digits). */
async function freeLocalId(prisma: PrismaClient, structureId: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const localId = `IPP${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
    if (!(await prisma.structurePatient.findUnique({ where: { structureId_localId: { structureId, localId } }, select: { id: true } }))) return localId;
  }
  throw new Error("no free sandbox IPP");
}

/** One insert; the structure and the person must be of the caller's namespace (else unknown). */
export async function admitSandboxPatient(prisma: PrismaClient, input: TAdmissionInput): Promise<TSandboxAdmission> {
  const namespaceId = currentNamespace();
  const structure = await prisma.structure.findFirst({ where: { id: input.structureId, namespaceId }, select: { id: true } });
  if (!structure) throw new AppError("INVALID_INPUT", "Structure introuvable : créez-la d'abord (POST /api/sandbox/structures).");
  let person: { nir: string | null; birthDate: string; birthRank: number; firstName: string; lastName: string; sex: "M" | "F"; patientId: string | null };
  if (input.beneficiaryId) {
    const beneficiary = await prisma.beneficiary.findFirst({ where: { id: input.beneficiaryId, namespaceId } });
    if (!beneficiary) throw new AppError("INVALID_INPUT", "Personne introuvable : créez-la d'abord (POST /api/sandbox/beneficiaires ou /patients).");
    const { nir, birthDate, birthRank, firstName, lastName, sex, patientId } = beneficiary;
    person = { nir, birthDate, birthRank, firstName, lastName, sex, patientId };
  } else if (input.identity) {
    person = { ...input.identity, nir: null, birthRank: 1, patientId: null };
  } else {
    throw new AppError("INVALID_INPUT", "Donnez « beneficiaryId » ou « identity ».");
  }
  const identityStatus = person.nir ? ("QUALIFIED" as const) : ("PROVISIONAL" as const);
  const row = await prisma.structurePatient.create({
    data: { ...person, structureId: structure.id, localId: await freeLocalId(prisma, structure.id), identityStatus },
  });
  return { structurePatientId: row.id, structureId: structure.id, localId: row.localId, identityStatus, patientId: row.patientId };
}
