import type { Prisma } from "@/lib/generated/prisma/client";
import { checkTotpCode, isRecoveryCodeShape, recoveryCodeMatches, TOTP_CODE } from "./totp";
import { openTotpSecret } from "./totp-secret";

/**
 * The check of a TOTP sign-in challenge: the app's current code (accepted once: the step is
 * kept) or one of the account's unused recovery codes (then used up). Runs inside the
 * verifyOtp transaction, which counts a failure exactly as a wrong e-mail or SMS code.
 */
export async function authenticatorCodeMatches(tx: Prisma.TransactionClient, accountId: string | null, code: string, now: Date): Promise<boolean> {
  if (!accountId) return false;
  const account = await tx.account.findUnique({ where: { id: accountId }, select: { totpSecret: true, totpLastStep: true } });
  if (!account?.totpSecret) return false;
  if (TOTP_CODE.test(code)) {
    const secret = openTotpSecret(account.totpSecret);
    if (!secret) return false;
    const checked = await checkTotpCode(secret, code, account.totpLastStep);
    if (!checked.valid) return false;
    // Conditional on the step read: two sign-ins racing with the same code, one wins.
    const taken = await tx.account.updateMany({
      where: { id: accountId, totpLastStep: account.totpLastStep },
      data: { totpLastStep: checked.step },
    });
    return taken.count === 1;
  }
  if (!isRecoveryCodeShape(code)) return false;
  const unused = await tx.totpRecoveryCode.findMany({ where: { accountId, usedAt: null }, select: { id: true, codeHash: true } });
  const match = unused.find((row) => recoveryCodeMatches(row.codeHash, code));
  if (!match) return false;
  const used = await tx.totpRecoveryCode.updateMany({ where: { id: match.id, usedAt: null }, data: { usedAt: now } });
  return used.count === 1;
}
