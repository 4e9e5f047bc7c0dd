import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createRecord } from "@/lib/records/create-record";
import { beneficiaryInputSchema, type TSandboxBeneficiary } from "./create-beneficiary";
import { sandboxCredentials, withSandboxBeneficiary } from "./new-account";

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
  const { loginId, email, phone, password, passwordHash } = await sandboxCredentials(prisma, "patient");
  return withSandboxBeneficiary(prisma, person, async (beneficiary) => {
    const created = await createRecord(prisma, {
      beneficiaryId: beneficiary.beneficiaryId,
      contact: { email, phone, otpChannel },
      account: { loginId, passwordHash, mustChangePassword },
      createdBy: null,
    });
    return { ...beneficiary, patientId: created.patientId, accountId: created.accountId, loginId: created.loginId, password, email, phone, otpChannel };
  });
}
