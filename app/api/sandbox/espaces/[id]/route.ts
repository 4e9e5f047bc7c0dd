import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { deleteSandboxNamespace } from "@/lib/sandbox/namespace-routes";

/** DELETE /api/sandbox/espaces/<id> (token in X-DMP-Espace): the namespace and everything in it (sandbox mode only). */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return deleteSandboxNamespace(request, (await params).id);
}
