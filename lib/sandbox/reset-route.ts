import "server-only";
import { prisma } from "@/lib/db/client";
import { notifySiblingProcesses } from "@/lib/server/sibling-notices";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { demoTemplateFile } from "./demo-template";
import { DemoTemplateError, resetDemoData } from "./reset-demo-data";

const NO_STORE = { "Cache-Control": "no-store" } as const;

/**
 * POST /api/sandbox/reinitialisation: the demo data back as `npm start` created it. 200 with
 * what was copied and how long it took; 409 in French, nothing changed, when the template
 * is missing or behind the schema (the message says to run `npm run db:prepare`).
 */
export async function handleResetRequest(db: PrismaClient, templateFile: string): Promise<Response> {
  try {
    const summary = await resetDemoData(db, templateFile);
    // The other server processes empty their caches too before the answer leaves.
    await notifySiblingProcesses("sandbox-caches");
    return Response.json({ reset: true, ...summary }, { status: 200, headers: NO_STORE });
  } catch (error) {
    if (error instanceof DemoTemplateError) return Response.json({ error: error.message, problem: error.problem }, { status: 409, headers: NO_STORE });
    throw error;
  }
}

/** The reset on the application's database and its template. */
export const postSandboxReset = () => handleResetRequest(prisma, demoTemplateFile());
