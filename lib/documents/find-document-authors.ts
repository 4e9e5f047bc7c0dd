import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { documentWhere } from "@/lib/access/document-where";

const BY_NAME = new Intl.Collator("fr");

export type TDocumentAuthor = { id: string; name: string };

/** The authors of the documents this actor may see on this record (for the filter list), by name. */
export async function findDocumentAuthors(db: Db, actor: TActor, ctx: TAccessContext): Promise<TDocumentAuthor[]> {
  // Grouped in SQLite, then one lookup of the few authors (a `distinct` would load every document).
  const groups = await db.document.groupBy({
    by: ["authorId"],
    where: { AND: [documentWhere(actor, ctx), { authorId: { not: null } }] },
  });
  const ids = groups.flatMap((g) => (g.authorId ? [g.authorId] : []));
  if (ids.length === 0) return [];
  const authors = await db.professional.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, firstName: true, lastName: true } });
  return authors
    .map((a) => ({ id: a.id, name: [a.title, a.firstName, a.lastName].filter(Boolean).join(" ") }))
    .sort((a, b) => BY_NAME.compare(a.name, b.name));
}
