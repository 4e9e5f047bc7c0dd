import { getPatientActor } from "@/lib/auth/patient/session";
import { portalRecordCopy } from "@/lib/patient-portal";

/** The full copy of the record (ZIP: documents + PDF summary). Traced. */
export async function GET() {
  const actor = await getPatientActor();
  if (!actor) return new Response("Vous devez vous identifier.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const copy = await portalRecordCopy(actor);
  return new Response(Buffer.from(copy.data), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${copy.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
