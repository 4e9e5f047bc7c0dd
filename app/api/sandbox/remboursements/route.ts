import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxReimbursements } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/remboursements: the record's Assurance Maladie history, sent now with a care profile (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxReimbursements(request);
}
