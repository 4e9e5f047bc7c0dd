import { getProfessionalActor } from "@/lib/auth/pro/session";
import { openDocument } from "@/lib/pro/portal";
import { CDA_MEDIA_TYPE } from "@/lib/cda/constants";
import { cdaPdf } from "@/lib/cda/view";
import { refusalResponse } from "@/lib/http/refusal-page";
import { PRO_SIGN_IN_REQUIRED, proDocumentNotFound } from "@/lib/http/portal-refusals";

type TContext = { params: Promise<{ patientId: string; documentId: string }> };

/** A document's content, traced (DOCUMENT_READ). Refused or unknown: the same 404. */
export async function GET(request: Request, context: TContext) {
  const actor = await getProfessionalActor();
  if (!actor) return refusalResponse(request, PRO_SIGN_IN_REQUIRED);
  const { patientId, documentId } = await context.params;
  const opened = await openDocument(actor, patientId, documentId);
  // Masked, opposed, outside the matrix or unknown: one page, whose way back depends on the record only.
  if (!opened.doc) return refusalResponse(request, proDocumentNotFound({ patientId, readable: opened.recordReadable }));
  const doc = opened.doc;
  if (doc.mediaType === CDA_MEDIA_TYPE) {
    // A CDA is shown on its page (apercu); here its embedded PDF (?pdf=1) or the XML as a download, never rendered by the browser.
    const pdf = new URL(request.url).searchParams.has("pdf") ? cdaPdf(doc.data) : null;
    return new Response(pdf ? Buffer.from(pdf) : new Uint8Array(doc.data), {
      headers: {
        "Content-Type": pdf ? "application/pdf" : "application/xml",
        "Content-Disposition": pdf ? `inline; filename="document-${doc.id}.pdf"` : `attachment; filename="document-${doc.id}.xml"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  }
  const isText = doc.mediaType === "text/plain";
  return new Response(new Uint8Array(doc.data), {
    headers: {
      "Content-Type": isText ? "text/plain; charset=utf-8" : doc.mediaType,
      "Content-Disposition": `inline; filename="document-${doc.id}${isText ? ".txt" : ".pdf"}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
