import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxReset } from "@/lib/sandbox/reset-route";

/** POST /api/sandbox/reinitialisation: the demo data back as `npm start` created it, without a restart (sandbox mode only). */
export async function POST() {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxReset();
}
