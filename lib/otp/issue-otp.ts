import type { OtpChannel, OtpPurpose } from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateCode, hashCode, OTP_TTL_MS } from "./otp-rules";
import { platformNow } from "@/lib/clock/clock";

export type TIssueOtpInput = {
  accountId: string | null;
  purpose: OtpPurpose;
  channel: OtpChannel;
  destination: string;
  /** Pending data (record opening), stored with the challenge. */
  payload?: string | null;
  now?: Date;
};

/**
 * Creates a challenge with a fresh code, voiding every unused code of the same account
 * (or, before an account exists, the same destination) and purpose. Returns the code in
 * clear so the caller can send it: it is stored only hashed.
 */
export async function issueOtp(prisma: PrismaClient, input: TIssueOtpInput): Promise<{ challengeId: string; code: string }> {
  const now = input.now ?? platformNow();
  const code = generateCode();
  const challenge = await prisma.$transaction(async (tx) => {
    await tx.otpChallenge.updateMany({
      where: {
        purpose: input.purpose,
        consumedAt: null,
        voidedAt: null,
        ...(input.accountId ? { accountId: input.accountId } : { accountId: null, destination: input.destination }),
      },
      data: { voidedAt: now },
    });
    return tx.otpChallenge.create({
      data: {
        accountId: input.accountId,
        purpose: input.purpose,
        channel: input.channel,
        destination: input.destination,
        codeHash: hashCode(code),
        payload: input.payload ?? null,
        expiresAt: new Date(now.getTime() + OTP_TTL_MS),
        createdAt: now,
      },
    });
  });
  return { challengeId: challenge.id, code };
}
