import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxHealthProfile } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/profils-medicaux: a record's health profile, written as its holder would (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxHealthProfile(request);
}
