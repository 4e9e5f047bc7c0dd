import type { Db } from "@/lib/db/types";
import { NAMESPACE_HEADER, namespaceOfToken } from "./namespaces";

export type TRequestNamespace = { ok: true; namespaceId: string | null } | { ok: false; response: Response };

/**
 * The namespace a sandbox request names by its X-DMP-Espace header: none without the
 * header (the demo data's namespace), 404 for an unknown or deleted token.
 */
export async function namespaceOfRequest(db: Db, request: Pick<Request, "headers">): Promise<TRequestNamespace> {
  const token = request.headers.get(NAMESPACE_HEADER);
  if (token === null) return { ok: true, namespaceId: null };
  const namespaceId = await namespaceOfToken(db, token.trim());
  if (!namespaceId) {
    return { ok: false, response: Response.json({ error: "Espace de noms introuvable (en-tête X-DMP-Espace).", issues: [] }, { status: 404, headers: { "Cache-Control": "no-store" } }) };
  }
  return { ok: true, namespaceId };
}
