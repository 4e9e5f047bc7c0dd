import type { Db } from "@/lib/db/types";
import type { TActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { documentWhere } from "@/lib/access/document-where";

export type TDocumentAuthor = { id: string; name: string };

/** The authors of the documents this actor may see on this record (for the filter list), by name. */
export async function findDocumentAuthors(db: Db, actor: TActor, ctx: TAccessContext): Promise<TDocumentAuthor[]> {
  const authors = await db.document.findMany({
    where: { AND: [documentWhere(actor, ctx), { authorId: { not: null } }] },
    distinct: ["authorId"],
    select: { author: { select: { id: true, title: true, firstName: true, lastName: true } } },
  });
  return authors
    .flatMap((a) => (a.author ? [{ id: a.author.id, name: [a.author.title, a.author.firstName, a.author.lastName].filter(Boolean).join(" ") }] : []))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
