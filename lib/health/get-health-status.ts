import "server-only";
import { checkDatabase } from "@/lib/db/check-database";

export type THealthStatus = { status: "ok" | "error" };

/** What /api/health reports: "ok" when the database answers. No detail leaks out. */
export async function getHealthStatus(): Promise<THealthStatus> {
  return { status: (await checkDatabase()) ? "ok" : "error" };
}
