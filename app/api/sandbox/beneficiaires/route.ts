import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxBeneficiary } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/beneficiaires: a person of the insurance registry, without a record (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxBeneficiary(request);
}
