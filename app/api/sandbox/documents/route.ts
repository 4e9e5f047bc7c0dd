import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { postSandboxDocument } from "@/lib/sandbox/factory-routes";

/** POST /api/sandbox/documents: a document of any type and masking, added by its author through the product (sandbox mode only). */
export async function POST(request: Request) {
  // The proxy lets requests with a body through: the route refuses itself in realistic mode.
  if (!isDevToolsEnabled()) return new Response("Introuvable", { status: 404 });
  return postSandboxDocument(request);
}
