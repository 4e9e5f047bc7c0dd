import { getPatientActor } from "@/lib/auth/patient/session";
import { portalRecordCopy } from "@/lib/patient-portal";
import { refusalResponse } from "@/lib/http/refusal-page";
import { PATIENT_SIGN_IN_REQUIRED } from "@/lib/http/portal-refusals";

/** The full copy of the record (ZIP: documents + PDF summary). Traced. */
export async function GET(request: Request) {
  const actor = await getPatientActor();
  if (!actor) return refusalResponse(request, PATIENT_SIGN_IN_REQUIRED);
  const copy = await portalRecordCopy(actor);
  return new Response(Buffer.from(copy.data), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${copy.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
