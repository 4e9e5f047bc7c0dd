/**
 * Development tools (the /dev/mails inbox and /dev/sms outbox): DEV_TOOLS=1 turns them on,
 * DEV_TOOLS=0 off; otherwise they are on unless NODE_ENV is "production".
 */
export function isDevToolsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  if (env.DEV_TOOLS === "1") return true;
  if (env.DEV_TOOLS === "0") return false;
  return env.NODE_ENV !== "production";
}
