import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxProfessional } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/professionnels: a health professional with a CPS card (card file, PIN, PUK) (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxProfessional(request);
}
