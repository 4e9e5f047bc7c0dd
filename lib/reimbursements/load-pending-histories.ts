import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { platformNow } from "@/lib/clock/clock";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { namespacesWithOwnOffset } from "@/lib/clock/offsets";
import { SYNC_PATIENT_SELECT, syncReimbursementHistory } from "./sync-history";

/** Due: never loaded, or last loaded before the current month began (the insurance sends a month at a time). */
export function isStatementDue(loadedAt: Date | null, now: Date): boolean {
  return loadedAt === null || loadedAt.getTime() < monthStart(now).getTime();
}

function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Due records, never loaded first: one index range each (the two conditions in one OR made
 * SQLite walk the whole index on reimbursementsLoadedAt, 100,000 rows every 2 s).
 */
const dueWheres = (now: Date): Prisma.PatientWhereInput[] => [
  { recordStatus: "OPEN", reimbursementsLoadedAt: null },
  { recordStatus: "OPEN", reimbursementsLoadedAt: { lt: monthStart(now) } },
];

/**
 * The background job: loads the statement of the records that are due (isStatementDue), a
 * few at a time, each on its own clock — the sandbox's, or its namespace's when that one has
 * its own offset — so a journey that moves its clock a month on sees the new month arrive.
 * `now` (tests) puts every record on one clock.
 */
export async function loadPendingReimbursementHistories(prisma: PrismaClient, options: { limit?: number; now?: Date } = {}): Promise<number> {
  const limit = options.limit ?? 20;
  const ownClocks = options.now ? [] : namespacesWithOwnOffset();
  const groups: { where: Prisma.PatientWhereInput; now: Date }[] = [
    {
      where: ownClocks.length === 0 ? {} : { OR: [{ namespaceId: null }, { namespaceId: { notIn: ownClocks } }] },
      now: options.now ?? runInNamespace(null, platformNow),
    },
    ...ownClocks.map((namespaceId) => ({ where: { namespaceId }, now: runInNamespace(namespaceId, platformNow) })),
  ];
  let loaded = 0;
  for (const group of groups) {
    for (const due of dueWheres(group.now)) {
      if (loaded >= limit) break;
      const records = await prisma.patient.findMany({
        where: { AND: [group.where, due] },
        select: SYNC_PATIENT_SELECT,
        orderBy: { reimbursementsLoadedAt: "asc" },
        take: limit - loaded,
      });
      for (const patient of records) if (await syncReimbursementHistory(prisma, patient, group.now)) loaded += 1;
    }
  }
  return loaded;
}
