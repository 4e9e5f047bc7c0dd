import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { generateTemporaryPassword } from "@/lib/records/create-record-by-professional";
import { createSandboxBeneficiary, type TSandboxBeneficiary } from "./create-beneficiary";
import { freeSandboxMobile, sandboxToken } from "./unique";

/** A sandbox account's credentials and contact, unique per call (`who` prefixes the address). */
export async function sandboxCredentials(prisma: PrismaClient, who: "patient" | "parent") {
  const token = sandboxToken();
  const password = generateTemporaryPassword();
  return {
    loginId: `bac-a-sable.${token}`,
    email: `${who}.${token}@bac-a-sable.test`,
    phone: await freeSandboxMobile(prisma),
    password,
    passwordHash: await hashPassword(password),
  };
}

/**
 * Writes the registry person, then runs the product's record creation for them; the registry
 * row is removed again if it fails, so a call leaves a whole scenario or nothing.
 */
export async function withSandboxBeneficiary<T>(
  prisma: PrismaClient,
  person: Parameters<typeof createSandboxBeneficiary>[1],
  create: (beneficiary: TSandboxBeneficiary) => Promise<T>,
): Promise<T> {
  const beneficiary = await createSandboxBeneficiary(prisma, person);
  try {
    return await create(beneficiary);
  } catch (error) {
    await prisma.beneficiary.delete({ where: { id: beneficiary.beneficiaryId } });
    throw error;
  }
}
