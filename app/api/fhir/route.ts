import { closingIfBodyUnread } from "@/lib/http/body-limit";
import { fhirProvideBundle } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** ITI-65 Provide Document Bundle (transaction). */
export async function POST(request: Request) {
  return closingIfBodyUnread(request, await fhirProvideBundle(request));
}
