import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxRelation } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/relations: one relation between a patient and a professional (treating doctor, consent, block) or the emergency choices (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxRelation(request);
}
