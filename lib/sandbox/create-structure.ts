import { currentNamespace } from "@/lib/clock/namespace-scope";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { issueStructureCertificate } from "@/lib/pki/issue-structure-certificate";
import { structureIdNat } from "@/lib/reference/idnat-struct";
import { freeSandboxFiness } from "./unique";

export const structureInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120).default("Centre hospitalier d'essai"),
    kind: z.enum(["HOSPITAL", "EHPAD", "PRACTICE", "SAMU"]).default("HOSPITAL"),
    city: z.string().trim().min(1).max(60).default("Paris"),
    department: z.string().regex(/^(?:\d{2}|2[AB]|97\d)$/).default("75"),
    /** The hospital group the site belongs to (issue 16: reports per site and for the group). */
    groupName: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

export type TStructureInput = z.output<typeof structureInputSchema>;

export type TSandboxStructure = {
  structureId: string;
  finess: string;
  /** IdNat_Struct: "1" + FINESS (TRE_G07), the certificate's serialNumber and the API client id. */
  idNat: string;
  name: string;
  /** The server certificate for the feed and the API (indirect mode), its private key (PKCS#8) and chain. */
  certificate: { serial: string; certificatePem: string; privateKeyPem: string; chainPem: string; expiresAt: Date };
};

/**
 * A health structure with its server certificate, issued by the product's
 * issueStructureCertificate. The structure is removed again if the certificate fails.
 */
export async function createSandboxStructure(prisma: PrismaClient, input: TStructureInput): Promise<TSandboxStructure> {
  const finess = await freeSandboxFiness(prisma);
  const structure = await prisma.structure.create({ data: { ...input, finess, namespaceId: currentNamespace() } });
  try {
    const issued = await issueStructureCertificate(prisma, structure.id);
    return {
      structureId: structure.id,
      finess,
      idNat: structureIdNat(finess),
      name: structure.name,
      certificate: { serial: issued.serial, certificatePem: issued.certificatePem, privateKeyPem: issued.privateKeyPem, chainPem: issued.chainPem, expiresAt: issued.expiresAt },
    };
  } catch (error) {
    await prisma.structureCertificate.deleteMany({ where: { structureId: structure.id } });
    await prisma.structure.delete({ where: { id: structure.id } });
    throw error;
  }
}
