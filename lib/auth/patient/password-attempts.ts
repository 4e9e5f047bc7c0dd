import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LOCK_DURATION_MS, MAX_FAILURES } from "@/lib/otp/otp-rules";
import { platformNow } from "@/lib/clock/clock";

/**
 * Password tries are counted BEFORE the password is checked, each in one SQL statement
 * (UPDATE … RETURNING, atomic in SQLite): N tries sent at once cost N tries, and once the
 * count reaches the limit the others are refused without being checked. Checking first
 * and counting afterwards let 100 parallel tries through, scrypt being asynchronous.
 *
 * An identifier without an account is counted the same way in AttemptThrottle, so the
 * replies (tries left, lock-out and its end) never tell whether the account exists.
 */
export type TPasswordTry =
  /** Sign-in is locked: the password must not be checked. */
  | { locked: true; lockedUntil: Date }
  /** This try is counted: `failures` wrong tries in a row if it is wrong too; `lockedUntil` set when it is the one that locks. */
  | { locked: false; failures: number; lockedUntil: Date | null };

type TRow = { count: number | bigint; lockedUntil: Date | string | null };

function toTry(row: TRow | undefined, now: Date): TPasswordTry | null {
  if (!row) return null;
  const lockedUntil = row.lockedUntil === null ? null : new Date(row.lockedUntil);
  const count = Number(row.count);
  // The try that reaches the limit sets the lock and puts the count back to 0.
  if (lockedUntil && lockedUntil.getTime() > now.getTime()) return { locked: false, failures: MAX_FAILURES, lockedUntil };
  return { locked: false, failures: count, lockedUntil: null };
}

/** Counts one password try on an account, or says it is locked. */
export async function countAccountPasswordTry(prisma: PrismaClient, accountId: string, now: Date): Promise<TPasswordTry> {
  const lockEnd = new Date(now.getTime() + LOCK_DURATION_MS);
  const [row] = await prisma.$queryRaw<TRow[]>`
    UPDATE Account SET
      failedPasswordCount = CASE WHEN failedPasswordCount + 1 >= ${MAX_FAILURES} THEN 0 ELSE failedPasswordCount + 1 END,
      lockedUntil = CASE WHEN failedPasswordCount + 1 >= ${MAX_FAILURES} THEN ${lockEnd} ELSE lockedUntil END
    WHERE id = ${accountId} AND (lockedUntil IS NULL OR lockedUntil <= ${now})
    RETURNING failedPasswordCount AS count, lockedUntil`;
  const counted = toTry(row, now);
  if (counted) return counted;
  const account = await prisma.account.findUnique({ where: { id: accountId }, select: { lockedUntil: true } });
  return { locked: true, lockedUntil: account?.lockedUntil ?? lockEnd };
}

/** The right password: the wrong tries in a row start again from 0, and a lock this very try set is lifted. */
export async function clearAccountPasswordTries(prisma: PrismaClient, accountId: string, lockSetByThisTry: Date | null): Promise<void> {
  await prisma.$executeRaw`
    UPDATE Account SET failedPasswordCount = 0,
      lockedUntil = CASE WHEN lockedUntil = ${lockSetByThisTry} THEN NULL ELSE lockedUntil END
    WHERE id = ${accountId}`;
}

/**
 * Counts one try on a key of AttemptThrottle ("login:…", "identity:…"), with the account
 * rules, in one statement: the row is created on the first try.
 */
export async function countThrottledTry(prisma: PrismaClient, key: string, now: Date): Promise<TPasswordTry> {
  const lockEnd = new Date(now.getTime() + LOCK_DURATION_MS);
  // The existing row's columns are named with the table: PostgreSQL would find them
  // ambiguous with the proposed row's (EXCLUDED).
  const [row] = await prisma.$queryRaw<TRow[]>`
    INSERT INTO AttemptThrottle (subject, failedCount, lockedUntil) VALUES (${key}, 1, NULL)
    ON CONFLICT(subject) DO UPDATE SET
      failedCount = CASE WHEN AttemptThrottle.failedCount + 1 >= ${MAX_FAILURES} THEN 0 ELSE AttemptThrottle.failedCount + 1 END,
      lockedUntil = CASE WHEN AttemptThrottle.failedCount + 1 >= ${MAX_FAILURES} THEN ${lockEnd} ELSE AttemptThrottle.lockedUntil END
    WHERE AttemptThrottle.lockedUntil IS NULL OR AttemptThrottle.lockedUntil <= ${now}
    RETURNING failedCount AS count, lockedUntil`;
  const counted = toTry(row, now);
  if (counted) return counted;
  const throttle = await prisma.attemptThrottle.findUnique({ where: { subject: key }, select: { lockedUntil: true } });
  return { locked: true, lockedUntil: throttle?.lockedUntil ?? lockEnd };
}

/** A successful try: the count of the key starts again from 0. */
export async function clearThrottledTries(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.attemptThrottle.deleteMany({ where: { subject: key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: platformNow() } }] } });
}

/** Counts one password try on an identifier that has no account, with the account rules. */
export function countUnknownLoginTry(prisma: PrismaClient, subject: string, now: Date): Promise<TPasswordTry> {
  return countThrottledTry(prisma, `login:${subject}`, now);
}
