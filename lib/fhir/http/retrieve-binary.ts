import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { readDocument, type TDocumentContent } from "@/lib/documents/read-document";
import { openRecord } from "@/lib/record-door/open-record";
import { isAppError } from "@/lib/errors/app-error";
import { errorResponse, fhirJsonResponse, FhirError } from "../operation-outcome";
import { authenticate, readerActorOf } from "./authenticate";
import { clientIp, nowOf, type TFhirDeps } from "./deps";

const notFound = () => new FhirError(404, "not-found", "Document introuvable (inexistant ou non accessible pour ce professionnel).");

/**
 * A document's bytes for a professional, through lib/record-door/open-record and
 * lib/documents/read-document (the policy decides, DOCUMENT_READ trace, refusals
 * included). Unknown and refused both answer 404.
 */
export async function retrieveDocument(
  db: PrismaClient,
  actor: TProfessionalActor,
  documentId: string,
  options: { ipAddress?: string | null; now?: Date },
): Promise<TDocumentContent> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(documentId)) throw notFound();
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { patientId: true } });
  if (!doc) throw notFound();
  try {
    const { ctx } = await openRecord(db, actor, doc.patientId, { ipAddress: options.ipAddress, now: options.now, traceView: false });
    return await readDocument(db, actor, ctx, documentId, { ipAddress: options.ipAddress });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") throw notFound();
    throw error;
  }
}

/**
 * GET /api/fhir/Binary/<id> — ITI-68 Retrieve Document: the bytes with their media type;
 * a Binary resource (base64) when the client asks only for FHIR JSON.
 */
export async function handleRetrieveBinary(deps: TFhirDeps, request: Request, id: string): Promise<Response> {
  try {
    const subject = await authenticate(deps, request);
    const actor = await readerActorOf(deps, request, subject);
    const content = await retrieveDocument(deps.db, actor, id, { ipAddress: clientIp(request), now: nowOf(deps) });
    const accept = (request.headers.get("accept") ?? "").toLowerCase();
    const wantsResource = /application\/(fhir\+)?json/.test(accept) && !accept.includes(content.mediaType) && !accept.includes("*/*");
    if (wantsResource) {
      return fhirJsonResponse({ resourceType: "Binary", id: content.id, contentType: content.mediaType, data: Buffer.from(content.data).toString("base64") });
    }
    const body = new Uint8Array(content.data);
    return new Response(new Blob([body]).stream(), {
      status: 200,
      headers: {
        "content-type": content.mediaType,
        "content-length": String(body.byteLength),
        "content-disposition": `inline; filename="document-${content.id}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
