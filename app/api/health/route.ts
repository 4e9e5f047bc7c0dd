import { connection } from "next/server";
import { getHealthStatus } from "@/lib/health/get-health-status";

/** Liveness and database check, used by Playwright's web server and by monitoring. */
export async function GET() {
  await connection();
  const health = await getHealthStatus();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
