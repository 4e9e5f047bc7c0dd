import { fhirProvideBundle } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** ITI-65 Provide Document Bundle (transaction). */
export function POST(request: Request) {
  return fhirProvideBundle(request);
}
