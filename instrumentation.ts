/** Next.js calls register() once per server process: load the sandbox clock and start the background jobs there (Node runtime only). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSandboxClock } = await import("./lib/sandbox/start-sandbox-clock");
  await startSandboxClock();
  const { startBackgroundJobs } = await import("./lib/jobs/background-jobs");
  await startBackgroundJobs();
}
