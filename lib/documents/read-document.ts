import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { canRead } from "@/lib/access/policy";
import { describeDecision } from "@/lib/access/decision";
import { appendTrace, type TTraceInput } from "@/lib/traces/append-trace";
import { refuseWithTrace } from "@/lib/record-door/refusal";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { AppError } from "@/lib/errors/app-error";
import { isWellFormedId } from "@/lib/http/row-id";

export type TDocumentContent = {
  id: string;
  title: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: Uint8Array;
};

/**
 * Opens a document's content: decides with canRead (which names the rule and the matrix
 * row), writes the DOCUMENT_READ trace (a professional's refusals included) and returns
 * the bytes. A refused or unknown document throws NOT_FOUND. Inside a transaction, run it
 * under withRefusalTraces (lib/record-door/refusal) so a refusal's trace outlives the rollback.
 */
export async function readDocument(
  db: Db,
  actor: TActor,
  ctx: TAccessContext,
  documentId: string,
  request: { ipAddress?: string | null } = {},
): Promise<TDocumentContent> {
  if (!isWellFormedId(documentId)) {
    throw new AppError("NOT_FOUND");
  }
  const doc = await db.document.findFirst({
    where: { id: documentId, patientId: ctx.patientId },
    select: {
      id: true,
      patientId: true,
      typeCode: true,
      authorId: true,
      title: true,
      hiddenFromPros: true,
      hiddenFromPatient: true,
      hiddenFromLegalReps: true,
      opposedAt: true,
      mediaType: true,
      size: true,
      sha256: true,
    },
  });
  if (!doc) throw new AppError("NOT_FOUND");
  const decision = canRead(actor, doc, ctx);
  // A patient's refused read is not traced: their own history would reveal that a
  // document hidden from them exists.
  if (!decision.allowed && actor.kind !== "PROFESSIONAL") throw new AppError("NOT_FOUND");
  const trace: TTraceInput = {
    patientId: ctx.patientId,
    ...traceActorFields(actor),
    action: "DOCUMENT_READ",
    documentId: doc.id,
    mode: decision.allowed ? decision.mode : (ctx.emergencyMode ?? "NORMAL"),
    outcome: decision.allowed ? "ALLOWED" : "REFUSED",
    reason: describeDecision(decision),
    detail: decision.allowed ? doc.title : null,
    ipAddress: request.ipAddress ?? null,
  };
  if (!decision.allowed) return refuseWithTrace(db, trace);
  await appendTrace(db, trace);
  const content = await db.documentContent.findUnique({ where: { documentId: doc.id } });
  if (!content) throw new AppError("NOT_FOUND");
  return { id: doc.id, title: doc.title, mediaType: doc.mediaType, size: doc.size, sha256: doc.sha256, data: content.data };
}
