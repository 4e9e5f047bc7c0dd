import { closingIfBodyUnread } from "@/lib/http/body-limit";
import { fhirRequest } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** ITI-65 Provide Document Bundle (transaction), JSON or XML. */
export async function POST(request: Request) {
  return closingIfBodyUnread(request, await fhirRequest(request));
}
