import "server-only";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db/client";

/**
 * The account a pending code step belongs to, for counting its attempts: the challenge's
 * account, else the challenge id itself (an unknown identifier's reset step is counted the
 * same way, so the limit does not tell whether the account exists).
 */
export async function pendingChallengeAccount(cookieName: string): Promise<string | null> {
  const challengeId = (await cookies()).get(cookieName)?.value;
  if (!challengeId) return null;
  const challenge = await prisma.otpChallenge.findUnique({ where: { id: challengeId }, select: { accountId: true } });
  return challenge?.accountId ?? `challenge:${challengeId}`;
}
