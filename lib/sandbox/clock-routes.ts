import "server-only";
import { prisma } from "@/lib/db/client";
import { advanceClock, clockState, loadClockOffsets, resetClock } from "@/lib/clock/clock-store";
import { clockInputSchema } from "@/lib/clock/clock-input";
import { isClockLoaded } from "@/lib/clock/offsets";
import { handleFactoryRequest } from "./handle-factory-request";
import { namespaceOfRequest } from "./namespace-request";
import { currentNamespace } from "@/lib/clock/namespace-scope";
import { notifySiblingProcesses } from "@/lib/server/sibling-notices";

const NO_STORE = { "Cache-Control": "no-store" } as const;

/** GET /api/sandbox/horloge: the sandbox time and offset (of the X-DMP-Espace namespace, else the whole sandbox). */
export async function getSandboxClock(request: Request): Promise<Response> {
  const namespace = await namespaceOfRequest(prisma, request);
  if (!namespace.ok) return namespace.response;
  if (!isClockLoaded()) await loadClockOffsets(prisma);
  return Response.json(clockState(namespace.namespaceId), { headers: NO_STORE });
}

/** POST /api/sandbox/horloge: moves that clock forward, or back to real time; answers the new time. */
export const postSandboxClock = (request: Request) =>
  handleFactoryRequest(request, prisma, clockInputSchema, async (db, input) => {
    if (!isClockLoaded()) await loadClockOffsets(db);
    const namespaceId = currentNamespace();
    const state = input.kind === "ADVANCE" ? await advanceClock(db, namespaceId, input.byMs) : await resetClock(db, namespaceId);
    // The other server processes reload their offsets before this answer leaves.
    await notifySiblingProcesses("sandbox-caches");
    return state;
  });
