import { closingIfBodyUnread } from "@/lib/http/body-limit";
import { fhirRequest } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** ITI-67 Find Document References by POST (form-encoded parameters). The folder is %5Fsearch: "_search" would be a private folder. */
export async function POST(request: Request) {
  return closingIfBodyUnread(request, await fhirRequest(request));
}
