import type { XmlElement, XmlNode } from "@rgrove/parse-xml";

/**
 * The narrative of a CDA section (the <text> element, NarrativeBlock of CDA R2) reduced to
 * plain data the portals turn into React elements. Only the narrative vocabulary survives
 * (paragraphs, lists, tables, line breaks); every attribute is dropped, and anything
 * else keeps its text only, so no markup, style or script of the document reaches a page.
 */
export type TNarrativeNode =
  | { kind: "text"; text: string }
  | { kind: "break" }
  | { kind: "paragraph"; children: TNarrativeNode[] }
  | { kind: "list"; ordered: boolean; items: TNarrativeNode[][] }
  | { kind: "table"; caption: TNarrativeNode[]; rows: TTableRow[] };

export type TTableRow = { isHead: boolean; cells: { isHeader: boolean; children: TNarrativeNode[] }[] };

export type TCdaSection = { title: string; text: TNarrativeNode[]; sections: TCdaSection[] };

/** Elements whose content is never shown, not even as text. */
const DROPPED = new Set(["script", "style", "renderMultiMedia", "footnoteRef", "object", "iframe"]);
/** A rendering stops nesting past this depth (a hostile document cannot grow the page tree). */
const MAX_DEPTH = 12;

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

function isElement(node: XmlNode): node is XmlElement {
  return node.type === "element";
}

function childElements(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && localName(c.name) === name);
}

function pushText(out: TNarrativeNode[], text: string): void {
  const collapsed = text.replace(/\s+/g, " ");
  if (collapsed === "") return;
  const last = out.at(-1);
  if (last?.kind === "text") {
    last.text = (last.text + collapsed).replace(/ {2,}/g, " ");
    return;
  }
  if (collapsed.trim() === "") return;
  out.push({ kind: "text", text: collapsed });
}

function tableRows(el: XmlElement, depth: number): TTableRow[] {
  const rows: TTableRow[] = [];
  const addRow = (tr: XmlElement, isHead: boolean) => {
    const cells = tr.children
      .filter((c): c is XmlElement => isElement(c) && (localName(c.name) === "th" || localName(c.name) === "td"))
      .map((cell) => ({ isHeader: localName(cell.name) === "th", children: narrative(cell, depth + 1) }));
    rows.push({ isHead, cells });
  };
  for (const child of el.children) {
    if (!isElement(child)) continue;
    const name = localName(child.name);
    if (name === "tr") addRow(child, false);
    else if (name === "thead" || name === "tbody" || name === "tfoot") {
      for (const tr of childElements(child, "tr")) addRow(tr, name === "thead");
    }
  }
  return rows;
}

/** The narrative children of an element of a section's text. */
export function narrative(el: XmlElement, depth = 0): TNarrativeNode[] {
  const out: TNarrativeNode[] = [];
  for (const child of el.children) {
    if (child.type === "text" || child.type === "cdata") {
      pushText(out, (child as unknown as { text: string }).text);
      continue;
    }
    if (!isElement(child)) continue;
    const name = localName(child.name);
    if (DROPPED.has(name)) continue;
    if (depth >= MAX_DEPTH) {
      pushText(out, child.text);
      continue;
    }
    switch (name) {
      case "br":
        out.push({ kind: "break" });
        break;
      case "paragraph":
        out.push({ kind: "paragraph", children: narrative(child, depth + 1) });
        break;
      case "list":
        out.push({
          kind: "list",
          ordered: child.attributes.listType === "ordered",
          items: childElements(child, "item").map((item) => narrative(item, depth + 1)),
        });
        break;
      case "table": {
        const caption = childElements(child, "caption")[0];
        out.push({ kind: "table", caption: caption ? narrative(caption, depth + 1) : [], rows: tableRows(child, depth) });
        break;
      }
      default:
        // content, linkHtml, sub, sup, caption outside a table…: their text, inline.
        for (const node of narrative(child, depth + 1)) {
          if (node.kind === "text") pushText(out, node.text);
          else out.push(node);
        }
    }
  }
  return out;
}

/** The sections of a structuredBody (component/section, nested sections included). */
export function sectionsOf(parent: XmlElement, depth = 0): TCdaSection[] {
  const sections: TCdaSection[] = [];
  for (const component of childElements(parent, "component")) {
    for (const section of childElements(component, "section")) {
      const title = childElements(section, "title")[0]?.text.replace(/\s+/g, " ").trim() ?? "";
      const text = childElements(section, "text")[0];
      sections.push({
        title: title || "Section sans titre",
        text: text ? narrative(text) : [],
        sections: depth < 4 ? sectionsOf(section, depth + 1) : [],
      });
    }
  }
  return sections;
}
