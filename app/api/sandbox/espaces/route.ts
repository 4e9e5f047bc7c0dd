import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxNamespace } from "@/lib/sandbox/namespace-routes";

/** POST /api/sandbox/espaces: a new isolated namespace, its id and token (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxNamespace(request);
}
