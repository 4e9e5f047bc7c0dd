import { getPatientActor } from "@/lib/auth/patient/session";
import { requestIp } from "@/lib/auth/patient/flows";
import { portalReadDocument } from "@/lib/patient-portal";

const EXTENSIONS: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "text/plain": "txt" };

function asciiName(title: string): string {
  return title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-zA-Z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "document";
}

/** The bytes of a document the actor may see: inline (PDF, image) or as a download. Traced. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getPatientActor();
  if (!actor) return new Response("Vous devez vous identifier.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { id } = await params;
  const doc = await portalReadDocument(actor, id, await requestIp());
  if (!doc) return new Response("Document introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const isDownload = new URL(request.url).searchParams.has("telechargement");
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
