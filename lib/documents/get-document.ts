import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { documentWhere } from "@/lib/access/document-where";
import { documentListSelect, toDocumentListItem, type TDocumentListItem } from "./document-list-item";
import { isWellFormedId } from "@/lib/http/row-id";

/** One document's metadata if this actor may see it, else null (callers answer "not found"). */
export async function getDocument(
  db: Db,
  actor: TActor,
  ctx: TAccessContext,
  documentId: string,
): Promise<TDocumentListItem | null> {
  if (!isWellFormedId(documentId)) return null;
  const row = await db.document.findFirst({
    where: { AND: [{ id: documentId }, documentWhere(actor, ctx)] },
    select: documentListSelect,
  });
  return row ? toDocumentListItem(row) : null;
}
