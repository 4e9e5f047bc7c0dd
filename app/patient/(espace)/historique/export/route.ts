import { getPatientActor } from "@/lib/auth/patient/session";
import { portalTracesCsv } from "@/lib/patient-portal";
import { parseTraceFilters } from "@/lib/traces/find-traces";
import { platformNow } from "@/lib/clock/clock";
import { refusalResponse } from "@/lib/http/refusal-page";
import { PATIENT_HISTORY_NOT_FOUND, PATIENT_SIGN_IN_REQUIRED } from "@/lib/http/portal-refusals";

/** CSV of the traces the actor may read, with the page's filters. */
export async function GET(request: Request) {
  const actor = await getPatientActor();
  if (!actor) return refusalResponse(request, PATIENT_SIGN_IN_REQUIRED);
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const csv = await portalTracesCsv(actor, parseTraceFilters(params));
  if (csv === null) return refusalResponse(request, PATIENT_HISTORY_NOT_FOUND);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="historique-des-acces-${platformNow().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
