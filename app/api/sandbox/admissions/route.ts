import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxAdmission } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/admissions: a patient's file (IPP) in a structure's patient list, for the hospital simulator (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxAdmission(request);
}
