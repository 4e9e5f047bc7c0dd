import type { Db } from "@/lib/db/types";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { canReplaceDocument, type TFeedPerson } from "@/lib/access/feed-rules";
import type { TDocumentListItem } from "./document-list-item";
import { getDocument } from "./get-document";

/** The facts canReplaceDocument reads about the professional who would replace a document. */
export async function loadReplacer(db: Db, professionalId: string): Promise<TFeedPerson | null> {
  return db.professional.findUnique({
    where: { id: professionalId },
    select: { id: true, kind: true, profession: true, specialty: true, structureId: true },
  });
}

/**
 * Whether the portal offers to replace a document this professional reads: an active
 * version that canReplaceDocument lets them replace from their own structure, exactly as
 * replaceDocument decides (the author, or a health professional of the document's
 * structure allowed to author its type).
 */
export function mayReplaceDocument(
  replacer: TFeedPerson | null,
  doc: Pick<TDocumentListItem, "status" | "authorId" | "structureId" | "typeCode">,
): boolean {
  return replacer !== null && doc.status === "ACTIVE" && canReplaceDocument(replacer, replacer.structureId, doc).allowed;
}

/** The document the replacement form is for, when this professional may read and replace it; else null (the page answers "not found"). */
export async function getReplaceableDocument(
  db: Db,
  actor: TProfessionalActor,
  ctx: TAccessContext,
  documentId: string,
): Promise<TDocumentListItem | null> {
  const [doc, replacer] = await Promise.all([getDocument(db, actor, ctx, documentId), loadReplacer(db, actor.professionalId)]);
  return doc && mayReplaceDocument(replacer, doc) ? doc : null;
}
