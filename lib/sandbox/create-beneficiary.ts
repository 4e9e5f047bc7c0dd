import { currentNamespace } from "@/lib/clock/namespace-scope";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { vitaleSerial } from "@/prisma/seed/registry";
import { violatedConstraint } from "@/lib/db/violated-constraint";
import { freeSandboxNir } from "./unique";

export const beneficiaryInputSchema = z
  .object({
    firstName: z.string().trim().min(1).max(60).default("Camille"),
    lastName: z.string().trim().min(1).max(60).default("Essai"),
    sex: z.enum(["M", "F"]).default("F"),
    birthDate: z.iso.date().default("1990-05-14"),
    department: z.string().regex(/^(?:\d{2}|2[AB]|97\d)$/).default("75"),
  })
  .strict();

export type TBeneficiaryInput = z.output<typeof beneficiaryInputSchema>;

export type TSandboxBeneficiary = { beneficiaryId: string; nir: string; firstName: string; lastName: string; sex: "M" | "F"; birthDate: string };

/**
 * A person of the insurance registry (the identity a record is opened from), without a
 * record: the NIR has a valid key and is unique (unique.ts). One insert; when a parallel
 * call took the same NIR between the check and the insert (the unique index says so), a
 * new one is drawn.
 */
export async function createSandboxBeneficiary(prisma: PrismaClient, input: TBeneficiaryInput): Promise<TSandboxBeneficiary> {
  for (let attempt = 1; ; attempt++) {
    const nir = await freeSandboxNir(prisma, input);
    try {
      const row = await prisma.beneficiary.create({
        data: { ...input, nir, birthRank: 1, birthName: null, vitaleSerial: vitaleSerial(nir, input.birthDate, 1), namespaceId: currentNamespace() },
      });
      return { beneficiaryId: row.id, nir, firstName: row.firstName, lastName: row.lastName, sex: row.sex, birthDate: row.birthDate };
    } catch (error) {
      if (attempt >= 5 || violatedConstraint(error) !== "UNIQUE") throw error;
    }
  }
}
