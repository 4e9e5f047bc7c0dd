import { fhirRetrieveBinary } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** ITI-68 Retrieve Document. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fhirRetrieveBinary(request, id);
}
