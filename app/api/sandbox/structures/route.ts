import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxStructure } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/structures: a health structure with its server certificate and private key (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxStructure(request);
}
