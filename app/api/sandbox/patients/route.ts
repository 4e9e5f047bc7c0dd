import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxPatient } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/patients: a patient with a record and a portal account (login, password, code channel) (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxPatient(request);
}
