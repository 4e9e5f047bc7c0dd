/**
 * How `npm run serve` splits the work between processes (lib/server/serve.ts): how many,
 * and what each is told by its environment. Pure but for `isServerWorker`, so the rules are
 * tested apart from the processes: exactly one process runs the background jobs (lib/jobs) and the development
 * mail server, the others send their mails to it.
 */

/** WEB_CONCURRENCY when set (a whole number ≥ 1), else one process per core. */
export function workerCount(env: Record<string, string | undefined>, cores: number): number {
  const raw = env.WEB_CONCURRENCY;
  if (raw === undefined || raw.trim() === "") return Math.max(1, cores);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY : entier ≥ 1 attendu (reçu « ${raw} »).`);
  return n;
}

/** The embedded SMTP server is used when no SMTP_URL is set (lib/mail/send-mail.ts). */
function usesEmbeddedSmtp(env: Record<string, string | undefined>): boolean {
  return !env.SMTP_URL || env.SMTP_URL.trim() === "";
}

/**
 * The extra environment of each worker, the first being the jobs process. `smtpPort` is the
 * port the primary reserved for the development mail server (used only without SMTP_URL).
 */
export function workerEnvironments(count: number, env: Record<string, string | undefined>, smtpPort: number): Record<string, string>[] {
  const embedded = usesEmbeddedSmtp(env);
  return Array.from({ length: count }, (_, index) => {
    const extra: Record<string, string> = { DMP_WORKER_INDEX: String(index) };
    if (index > 0) extra.DISABLE_BACKGROUND_JOBS = "1";
    if (embedded) {
      if (index === 0) extra.EMBEDDED_SMTP_PORT = String(smtpPort);
      else extra.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    }
    return extra;
  });
}

/** In a server process: whether the primary of `npm run serve` forked it (its rank is set, its IPC channel open). */
export function isServerWorker(env: Record<string, string | undefined> = process.env): boolean {
  return env.DMP_WORKER_INDEX !== undefined && typeof process.send === "function";
}
