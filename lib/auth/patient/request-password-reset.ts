import type { PrismaClient } from "@/lib/generated/prisma/client";
import { issueOtp } from "@/lib/otp/issue-otp";
import { otpDestination } from "./start-login";

/**
 * Forgotten password, first step. A known and an unknown identifier get the same answer:
 * a real challenge (same id shape, same replies to wrong codes, see verifyOtp); only a
 * real account's code is delivered, the other one goes nowhere.
 */
export async function requestPasswordReset(
  prisma: PrismaClient,
  input: { loginId: string; now?: Date },
): Promise<{ challengeId: string; delivery: { channel: "EMAIL" | "SMS"; destination: string; code: string } | null }> {
  const account = await prisma.account.findUnique({ where: { loginId: input.loginId.trim() } });
  const target = account ? otpDestination(account) : null;
  if (!account || !target) {
    const unknown = await issueOtp(prisma, {
      accountId: null,
      purpose: "PASSWORD_RESET",
      channel: "EMAIL",
      destination: `inconnu:${input.loginId.trim().slice(0, 100)}`,
      now: input.now,
    });
    return { challengeId: unknown.challengeId, delivery: null };
  }
  const { challengeId, code } = await issueOtp(prisma, { accountId: account.id, purpose: "PASSWORD_RESET", ...target, now: input.now });
  return { challengeId, delivery: { ...target, code } };
}
