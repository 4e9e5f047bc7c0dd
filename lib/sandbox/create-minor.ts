import { AppError } from "@/lib/errors/app-error";
import { currentNamespace } from "@/lib/clock/namespace-scope";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createRecord } from "@/lib/records/create-record";
import { professionalActor } from "./relations";
import { sandboxCredentials, withSandboxBeneficiary } from "./new-account";
import { platformNow } from "@/lib/clock/clock";

function yearsAgo(years: number): string {
  const d = platformNow();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

export const minorInputSchema = z
  .object({
    firstName: z.string().trim().min(1).max(60).default("Léo"),
    lastName: z.string().trim().min(1).max(60).default("Essai"),
    sex: z.enum(["M", "F"]).default("M"),
    /** Under 18 years old; 8 years old by default. */
    birthDate: z.iso.date().default(() => yearsAgo(8)),
    department: z.string().regex(/^(?:\d{2}|2[AB]|97\d)$/).default("75"),
    /** The professional who opens the record with the representative's agreement (the product requires one). */
    professionalId: z.string().min(1).max(40),
    representative: z
      .object({
        firstName: z.string().trim().min(1).max(60).default("Sam"),
        lastName: z.string().trim().min(1).max(60).default("Essai"),
        relationship: z.enum(["Mère", "Père", "Tuteur ou tutrice"]).default("Mère"),
        otpChannel: z.enum(["EMAIL", "SMS"]).default("EMAIL"),
        /** An existing representative's account (a brother or sister's): no new account then. */
        accountId: z.string().min(1).max(40).optional(),
      })
      .strict()
      .default({ firstName: "Sam", lastName: "Essai", relationship: "Mère", otpChannel: "EMAIL" }),
  })
  .strict()
  .refine((d) => d.birthDate > yearsAgo(18), { message: "Un mineur a moins de 18 ans.", path: ["birthDate"] });

export type TMinorInput = z.output<typeof minorInputSchema>;

/**
 * A minor's record opened by a professional with a legal representative's agreement,
 * through the product's createRecord: the minor has no account, the representative gets a
 * new one (without a record of their own) whose credentials are returned. The registry
 * row is removed again if the record fails.
 */
export async function createSandboxMinor(prisma: PrismaClient, input: TMinorInput) {
  const { representative: rep, professionalId, ...person } = input;
  const createdBy = await professionalActor(prisma, professionalId);
  if (rep.accountId) return minorOfExistingRepresentative(prisma, input, rep.accountId, createdBy);
  const { loginId, email, phone, password, passwordHash } = await sandboxCredentials(prisma, "parent");
  return withSandboxBeneficiary(prisma, person, async (beneficiary) => {
    const created = await createRecord(prisma, {
      beneficiaryId: beneficiary.beneficiaryId,
      contact: { email, phone, otpChannel: rep.otpChannel },
      representative: {
        relationship: rep.relationship,
        account: { new: { loginId, passwordHash, mustChangePassword: false, firstName: rep.firstName, lastName: rep.lastName } },
      },
      createdBy,
    });
    return {
      minor: { ...beneficiary, patientId: created.patientId },
      representative: { accountId: created.representative?.accountId, loginId: created.representative?.loginId, password, email, phone, otpChannel: rep.otpChannel, relationship: rep.relationship },
    };
  });
}

/** A second child of a representative made before: their account, contact and credentials stay as they are. */
async function minorOfExistingRepresentative(prisma: PrismaClient, input: TMinorInput, accountId: string, createdBy: Awaited<ReturnType<typeof professionalActor>>) {
  const { representative: rep, professionalId: _professionalId, ...person } = input;
  const account = await prisma.account.findFirst({ where: { id: accountId, namespaceId: currentNamespace() }, select: { id: true, loginId: true, email: true, phone: true, otpChannel: true } });
  if (!account) throw new AppError("INVALID_INPUT", "Représentant introuvable : créez-le d'abord (un premier enfant par POST /api/sandbox/mineurs).");
  return withSandboxBeneficiary(prisma, person, async (beneficiary) => {
    const created = await createRecord(prisma, {
      beneficiaryId: beneficiary.beneficiaryId,
      contact: { email: account.email, phone: account.phone, otpChannel: account.otpChannel },
      representative: { relationship: rep.relationship, account: { existingAccountId: account.id } },
      createdBy,
    });
    return {
      minor: { ...beneficiary, patientId: created.patientId },
      representative: { accountId: account.id, loginId: account.loginId, password: null, email: account.email, phone: account.phone, otpChannel: account.otpChannel, relationship: rep.relationship },
    };
  });
}
