import { documentTypeLabel } from "@/lib/reference/document-types";
import { maskingLabels, type TMaskingFlags } from "@/lib/reference/masking";

/**
 * The words of a FEED_DOCUMENT trace, whose actor is the person who submitted (the
 * declared professional, else the author) with the feeding structure: the reason gives
 * the type and the masking, the detail the title and the author. The feed writes them;
 * the demo and large seeds write the same.
 */
export function feedTraceText(doc: { typeCode: string; title: string; masking: TMaskingFlags; authorName: string; isNewVersion: boolean }): { reason: string; detail: string } {
  return {
    reason: `${documentTypeLabel(doc.typeCode)} — ${maskingLabels(doc.masking).join(", ")}${doc.isNewVersion ? " — remplace une version précédente" : ""}`,
    detail: `${doc.title} (auteur : ${doc.authorName})`,
  };
}
