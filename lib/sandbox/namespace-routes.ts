import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { notifySiblingProcesses } from "@/lib/server/sibling-notices";
import { handleFactoryRequest } from "./handle-factory-request";
import { createNamespace, deleteNamespace, NAMESPACE_HEADER } from "./namespaces";

const NO_STORE = { "Cache-Control": "no-store" } as const;

export const namespaceInputSchema = z.object({ label: z.string().trim().min(1).max(80).optional() }).strict();

/** POST /api/sandbox/espaces: a new namespace, its id and its secret token (shown once). */
export const postSandboxNamespace = (request: Request) =>
  handleFactoryRequest(request, prisma, namespaceInputSchema, async (db, input) => {
    const created = await createNamespace(db, { label: input.label ?? null });
    return { ...created, header: "X-DMP-Espace" };
  });

/** DELETE /api/sandbox/espaces/<id> with its token in X-DMP-Espace: 204, or 404 for an unknown id or a wrong token. */
export async function deleteSandboxNamespace(request: Request, namespaceId: string): Promise<Response> {
  const token = request.headers.get(NAMESPACE_HEADER)?.trim() ?? "";
  if (namespaceId.length > 40 || token === "" || !(await deleteNamespace(prisma, namespaceId, token))) {
    return Response.json({ error: "Espace de noms introuvable.", issues: [] }, { status: 404, headers: NO_STORE });
  }
  // The other server processes forget its token before the 204 leaves.
  await notifySiblingProcesses("sandbox-caches");
  return new Response(null, { status: 204, headers: NO_STORE });
}
