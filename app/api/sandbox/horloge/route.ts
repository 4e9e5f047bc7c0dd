import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { getSandboxClock, postSandboxClock } from "@/lib/sandbox/clock-routes";

/** GET /api/sandbox/horloge: the sandbox time (sandbox mode only). */
export async function GET(request: Request) {
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return getSandboxClock(request);
}

/** POST /api/sandbox/horloge: moves the sandbox clock forward, or back to real time (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxClock(request);
}
