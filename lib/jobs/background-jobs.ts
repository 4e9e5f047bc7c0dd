import "server-only";
import { prisma } from "@/lib/db/client";
import { startEmbeddedSmtp } from "@/lib/mail/embedded-smtp";
import { usesEmbeddedSmtp } from "@/lib/mail/send-mail";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-notifications";
import { loadPendingReimbursementHistories } from "@/lib/reimbursements/load-pending-histories";
import { sealChangedChainsPaced } from "@/lib/traces/seal-chains";
import { sealKey } from "@/lib/traces/seal-key";
import { isJobRunner } from "@/lib/db/single-runner";
import { databaseFile, databaseUrl, isPostgresqlUrl } from "@/lib/db/database-url";
import { startWalCheckpointer } from "@/lib/db/wal-checkpointer";

const INTERVAL_MS = Number(process.env.JOBS_INTERVAL_MS) || 2000;
/** How often the trace chains' heads are sealed: what a truncation can go unseen for. */
const SEAL_INTERVAL_MS = Number(process.env.TRACE_SEAL_INTERVAL_MS) || 60_000;

const globalForJobs = globalThis as unknown as { dmpJobsStarted?: boolean; dmpLastSealAt?: number };

/** One pass of every background task; errors are logged, never thrown. */
export async function runJobsOnce(): Promise<void> {
  // Several server processes on PostgreSQL: one of them runs the jobs (lib/db/single-runner.ts).
  if (!(await isJobRunner())) return;
  try {
    await loadPendingReimbursementHistories(prisma);
  } catch (error) {
    console.error("Chargement des remboursements :", error instanceof Error ? error.message : error);
  }
  try {
    await deliverPendingNotifications();
  } catch (error) {
    console.error("Envoi des notifications :", error instanceof Error ? error.message : error);
  }
  try {
    await sealTraceChainsWhenDue();
  } catch (error) {
    console.error("Scellement des traces :", error instanceof Error ? error.message : error);
  }
}

/** Seals the chains changed since the last seal, once per SEAL_INTERVAL_MS (sealChangedChainsPaced: a bounded number of windows a run, the event loop free between two). */
async function sealTraceChainsWhenDue(): Promise<void> {
  const now = Date.now();
  if (globalForJobs.dmpLastSealAt !== undefined && now - globalForJobs.dmpLastSealAt < SEAL_INTERVAL_MS) return;
  const { complete } = await sealChangedChainsPaced(prisma, sealKey());
  // Incomplete: more traces wait (first run on a large base): go on at the next run.
  if (complete) globalForJobs.dmpLastSealAt = now;
}

/**
 * Started once per server process from instrumentation.ts: the embedded SMTP server when
 * no SMTP_URL is set, on SQLite the thread that checkpoints the WAL (off the event loop of
 * every process: lib/db/wal-checkpointer.ts), then a small loop (every 2 s) that loads reimbursement histories,
 * delivers notifications and seals the trace chains (every minute). Runs are never concurrent.
 */
export async function startBackgroundJobs(): Promise<void> {
  if (globalForJobs.dmpJobsStarted || process.env.DISABLE_BACKGROUND_JOBS === "1") return;
  globalForJobs.dmpJobsStarted = true;
  if (usesEmbeddedSmtp()) {
    const { port } = await startEmbeddedSmtp();
    console.log(`Serveur SMTP de développement : 127.0.0.1:${port}`);
  }
  if (!isPostgresqlUrl() && !databaseUrl().includes(":memory:")) startWalCheckpointer(databaseFile());
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void runJobsOnce().finally(() => {
      running = false;
    });
  }, INTERVAL_MS);
  timer.unref();
}
