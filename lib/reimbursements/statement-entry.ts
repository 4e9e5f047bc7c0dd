import "server-only";
import { prisma } from "@/lib/db/client";
import type { TActor } from "@/lib/access/actor";
import { requestIp } from "@/lib/http/request-ip";
import { findStatement } from "./find-statement";

/** Who is looking at a statement: the actor the page got from its session (never from input). */
export type TStatementViewer = { actor: TActor };

/** The statement for the portals' pages (lib/reimbursements/find-statement.ts on the application's database). */
export async function viewStatement(viewer: TStatementViewer, patientId: string, searchParams: Record<string, string | string[] | undefined>) {
  return findStatement(prisma, viewer.actor, patientId, searchParams, { ipAddress: await requestIp() });
}
