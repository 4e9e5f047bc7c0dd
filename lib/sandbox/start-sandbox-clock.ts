import "server-only";
import { prisma } from "@/lib/db/client";
import { loadClockOffsets } from "@/lib/clock/clock-store";
import { setClockReloader } from "@/lib/clock/offsets";

/** At server start (instrumentation.ts): the clock offsets saved in the database, and how to reload them after a reset. */
export async function startSandboxClock(): Promise<void> {
  const reload = () => loadClockOffsets(prisma);
  setClockReloader(reload);
  try {
    await reload();
  } catch (error) {
    // A database not migrated yet: the clock reads real time until the next reload.
    console.error("Horloge du bac à sable :", error instanceof Error ? error.message : error);
  }
}
