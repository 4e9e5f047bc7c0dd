import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { issueOtp } from "@/lib/otp/issue-otp";
import { otpDestination } from "./start-login";

/**
 * Forgotten password, first step. Always answers with a challenge id, so the page says the
 * same thing whether the identifier exists or not; only a real account gets a code.
 */
export async function requestPasswordReset(
  prisma: PrismaClient,
  input: { loginId: string; now?: Date },
): Promise<{ challengeId: string; delivery: { channel: "EMAIL" | "SMS"; destination: string; code: string } | null }> {
  const account = await prisma.account.findUnique({ where: { loginId: input.loginId.trim() } });
  const target = account ? otpDestination(account) : null;
  if (!account || !target) return { challengeId: `inconnu-${randomBytes(12).toString("hex")}`, delivery: null };
  const { challengeId, code } = await issueOtp(prisma, { accountId: account.id, purpose: "PASSWORD_RESET", ...target, now: input.now });
  return { challengeId, delivery: { ...target, code } };
}
