import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createRecord } from "@/lib/records/create-record";
import { generateTemporaryPassword } from "@/lib/records/create-record-by-professional";
import { beneficiaryInputSchema, createSandboxBeneficiary, type TSandboxBeneficiary } from "./create-beneficiary";
import { freeSandboxMobile, sandboxToken } from "./unique";

export const patientInputSchema = beneficiaryInputSchema
  .extend({
    /** Where the sign-in codes go: the account gets both an address and a mobile number. */
    otpChannel: z.enum(["EMAIL", "SMS"]).default("EMAIL"),
    /** true: the first sign-in asks for a new password, as after a record opened by a professional. */
    mustChangePassword: z.boolean().default(false),
  })
  .strict();

export type TPatientInput = z.output<typeof patientInputSchema>;

export type TSandboxPatient = TSandboxBeneficiary & {
  patientId: string;
  accountId: string;
  loginId: string;
  password: string;
  email: string;
  phone: string;
  otpChannel: "EMAIL" | "SMS";
};

/**
 * A registry person with an open record and their own portal account, written by the
 * product's createRecord (record, account, trace, notification in one transaction). The
 * registry row is written just before it and removed again if the record fails, so a call
 * leaves a whole patient or nothing.
 */
export async function createSandboxPatient(prisma: PrismaClient, input: TPatientInput): Promise<TSandboxPatient> {
  const { otpChannel, mustChangePassword, ...person } = input;
  const token = sandboxToken();
  const email = `patient.${token}@bac-a-sable.test`;
  const phone = await freeSandboxMobile(prisma);
  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  const beneficiary = await createSandboxBeneficiary(prisma, person);
  try {
    const created = await createRecord(prisma, {
      beneficiaryId: beneficiary.beneficiaryId,
      contact: { email, phone, otpChannel },
      account: { loginId: `bac-a-sable.${token}`, passwordHash, mustChangePassword },
      createdBy: null,
    });
    return { ...beneficiary, patientId: created.patientId, accountId: created.accountId, loginId: created.loginId, password, email, phone, otpChannel };
  } catch (error) {
    await prisma.beneficiary.delete({ where: { id: beneficiary.beneficiaryId } });
    throw error;
  }
}
