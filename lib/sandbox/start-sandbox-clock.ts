import "server-only";
import { prisma } from "@/lib/db/client";
import { loadClockOffsets } from "@/lib/clock/clock-store";
import { setClockReloader } from "@/lib/clock/offsets";
import { onSiblingNotice } from "@/lib/server/sibling-notices";
import { clearNamespaceCache } from "./namespaces";

/**
 * At server start (instrumentation.ts): the clock offsets saved in the database, how to
 * reload them after a reset, and the same reload when another server process announces a
 * change of the clock, a namespace deletion or a reset (lib/server/sibling-notices.ts).
 */
export async function startSandboxClock(): Promise<void> {
  const reload = () => loadClockOffsets(prisma);
  setClockReloader(reload);
  // Swapped in one go (no moment at real time in between, as emptying first would give).
  onSiblingNotice("sandbox-caches", async () => {
    clearNamespaceCache();
    await reload();
  });
  try {
    await reload();
  } catch (error) {
    // A database not migrated yet: the clock reads real time until the next reload.
    console.error("Horloge du bac à sable :", error instanceof Error ? error.message : error);
  }
}
