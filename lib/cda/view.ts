import { parseCda } from "./parse-cda";
import type { TCdaSection } from "./render-model";

/** What a portal shows of a stored CDA document. */
export type TCdaView = {
  title: string;
  patientName: string;
  authorNames: string[];
  custodianName: string;
  /** The day the document was made (AAAA-MM-JJ). */
  createdDay: string;
  body: { kind: "pdf" } | { kind: "structured"; sections: TCdaSection[] };
};

export type TCdaViewResult = { ok: true; view: TCdaView } | { ok: false; message: string };

/** The view of a stored CDA (the PDF itself is served by cdaPdf). */
export function cdaView(bytes: Uint8Array): TCdaViewResult {
  const parsed = parseCda(bytes);
  if (!parsed.ok) return parsed;
  const d = parsed.document;
  return {
    ok: true,
    view: {
      title: d.title,
      patientName: d.patientName,
      authorNames: d.authorNames,
      custodianName: d.custodianName,
      createdDay: d.effectiveTime.day,
      body: d.body.kind === "pdf" ? { kind: "pdf" } : { kind: "structured", sections: d.body.sections },
    },
  };
}

/** The PDF a CDA carries in its nonXMLBody (structuration minimale), or null. */
export function cdaPdf(bytes: Uint8Array): Uint8Array | null {
  const parsed = parseCda(bytes);
  return parsed.ok && parsed.document.body.kind === "pdf" ? parsed.document.body.pdf : null;
}
