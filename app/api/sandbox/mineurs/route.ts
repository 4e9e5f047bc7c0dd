import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxMinor } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/mineurs: a minor with a record and their legal representative with a portal account (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxMinor(request);
}
