import { getPatientActor } from "@/lib/auth/patient/session";
import { requestIp } from "@/lib/http/request-ip";
import { portalReadDocument } from "@/lib/patient-portal";
import { CDA_MEDIA_TYPE } from "@/lib/cda/constants";
import { cdaPdf } from "@/lib/cda/view";
import { refusalResponse } from "@/lib/http/refusal-page";
import { PATIENT_DOCUMENT_NOT_FOUND, PATIENT_SIGN_IN_REQUIRED, patientCdaWithoutPdf } from "@/lib/http/portal-refusals";

const EXTENSIONS: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "text/plain": "txt", [CDA_MEDIA_TYPE]: "xml" };

function asciiName(title: string): string {
  return title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-zA-Z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "document";
}

/** The bytes of a document the actor may see: inline (PDF, image) or as a download. Traced. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getPatientActor();
  if (!actor) return refusalResponse(request, PATIENT_SIGN_IN_REQUIRED);
  const { id } = await params;
  const doc = await portalReadDocument(actor, id, await requestIp());
  // Another patient's document, one hidden from this reader, an unknown id: the same answer.
  if (!doc) return refusalResponse(request, PATIENT_DOCUMENT_NOT_FOUND);
  const url = new URL(request.url);
  // A CDA's embedded PDF (?pdf=1) is shown as PDF; the CDA itself is only ever downloaded, never rendered by the browser.
  if (doc.mediaType === CDA_MEDIA_TYPE && url.searchParams.has("pdf")) {
    const pdf = cdaPdf(doc.data);
    if (!pdf) return refusalResponse(request, patientCdaWithoutPdf(id));
    return new Response(Buffer.from(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${asciiName(doc.title)}.pdf"`, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
  }
  const isDownload = url.searchParams.has("telechargement") || doc.mediaType === CDA_MEDIA_TYPE;
  const fileName = `${asciiName(doc.title)}.${EXTENSIONS[doc.mediaType] ?? "bin"}`;
  return new Response(Buffer.from(doc.data), {
    headers: {
      "Content-Type": doc.mediaType === "text/plain" ? "text/plain; charset=utf-8" : doc.mediaType,
      "Content-Disposition": `${isDownload ? "attachment" : "inline"}; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...(doc.mediaType === "application/pdf" ? {} : { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" }),
    },
  });
}
