import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { canAccessRecord } from "./policy";
import { patientSideMaySee, type TPatientSideMasking } from "./notification-audience";

/** What the trace visibility rule reads about one trace (the documents as they are now). */
export type TTraceFacts = {
  patientId: string | null;
  /** The document the trace is about, looked up among this record's documents (null: none, or not found there). */
  document: (TPatientSideMasking & { replaced: TPatientSideMasking | null }) | null;
};

/** Hidden; shown; or shown without its reason, the one field that names the replaced version. */
export type TTraceView = "HIDDEN" | "SHOWN" | "SHOWN_WITHOUT_REASON";

/**
 * Trace visibility for the patient side (history, its CSV export, the record copy, the care
 * team's last access): a trace about a document the reader may not see is left out
 * entirely, so the history never reveals that such a document exists; a trace about a new
 * version of a document the reader could not see is shown without its reason ("Nouvelle
 * version de « … »"). Professionals never read a record's history this way.
 * patientSideTraceSql / patientSideReasonSql are the same rule in SQL:
 * trace-visibility.integration.test.ts checks they agree on a real database.
 */
export function patientSideTraceView(actor: TActor, ctx: TAccessContext, trace: TTraceFacts): TTraceView {
  if (actor.kind === "PROFESSIONAL" || !canAccessRecord(actor, ctx).allowed) return "HIDDEN";
  if (trace.patientId !== ctx.patientId) return "HIDDEN";
  const doc = trace.document;
  if (!doc) return "SHOWN";
  if (!patientSideMaySee(actor.kind, doc)) return "HIDDEN";
  return doc.replaced && !patientSideMaySee(actor.kind, doc.replaced) ? "SHOWN_WITHOUT_REASON" : "SHOWN";
}
