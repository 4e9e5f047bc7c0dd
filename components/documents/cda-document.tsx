import type { ReactNode } from "react";
import type { TCdaSection, TNarrativeNode } from "@/lib/cda/render-model";
import type { TCdaView } from "@/lib/cda/view";
import { Table } from "@/components/ui/table";

/**
 * A CDA R2 document rendered from its parsed tree (lib/cda): every piece of the document
 * becomes a React text node, so markup, style or script written in the document is shown
 * as nothing more than its text, never interpreted. No dangerouslySetInnerHTML here.
 */
type THeadingLevel = 3 | 4 | 5 | 6;
const HEADINGS = { 3: "h3", 4: "h4", 5: "h5", 6: "h6" } as const;

function Narrative({ nodes, label }: { nodes: TNarrativeNode[]; label: string }): ReactNode {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case "text":
        return <span key={i}>{node.text}</span>;
      case "break":
        return <br key={i} />;
      case "paragraph":
        return (
          <p key={i} className="my-2">
            <Narrative nodes={node.children} label={label} />
          </p>
        );
      case "list": {
        const List = node.ordered ? "ol" : "ul";
        return (
          <List key={i} className={node.ordered ? "my-2 list-decimal pl-6" : "my-2 list-disc pl-6"}>
            {node.items.map((item, j) => (
              <li key={j}>
                <Narrative nodes={item} label={label} />
              </li>
            ))}
          </List>
        );
      }
      case "table": {
        const caption = node.caption.map((c) => (c.kind === "text" ? c.text : "")).join("").trim();
        const head = node.rows.filter((r) => r.isHead);
        const body = node.rows.filter((r) => !r.isHead);
        const row = (r: (typeof node.rows)[number], j: number) => (
          <tr key={j} className="align-top">
            {r.cells.map((cell, k) =>
              cell.isHeader ? (
                <th key={k} scope={r.isHead ? "col" : "row"} className="border border-slate-300 px-3 py-2 font-semibold">
                  <Narrative nodes={cell.children} label={label} />
                </th>
              ) : (
                <td key={k} className="border border-slate-300 px-3 py-2">
                  <Narrative nodes={cell.children} label={label} />
                </td>
              ),
            )}
          </tr>
        );
        return (
          <div key={i} className="my-3">
            <Table caption={caption || `Tableau — ${label}`} captionHidden={!caption}>
              {head.length > 0 ? <thead className="bg-slate-100 text-slate-900">{head.map(row)}</thead> : null}
              <tbody>{body.map(row)}</tbody>
            </Table>
          </div>
        );
      }
    }
  });
}

function Section({ section, level }: { section: TCdaSection; level: THeadingLevel }) {
  const Heading = HEADINGS[level];
  return (
    <section className="flex flex-col gap-1">
      <Heading className="text-base font-semibold text-slate-900">{section.title}</Heading>
      <div className="text-slate-900">
        <Narrative nodes={section.text} label={section.title} />
      </div>
      {section.sections.map((s, i) => (
        <Section key={i} section={s} level={Math.min(level + 1, 6) as THeadingLevel} />
      ))}
    </section>
  );
}

export function CdaDocument({ view, pdfHref, headingLevel = 3 }: { view: TCdaView; pdfHref: string; headingLevel?: THeadingLevel }) {
  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">
        Document CDA R2{view.authorNames.length > 0 ? ` rédigé par ${view.authorNames.join(", ")}` : ""}
        {view.custodianName ? ` (${view.custodianName})` : ""}, le {view.createdDay.split("-").reverse().join("/")}.
      </p>
      {view.body.kind === "pdf" ? (
        <p>
          Ce document contient un PDF (structuration minimale).{" "}
          <a href={pdfHref} className="font-semibold text-blue-800 underline" target="_blank" rel="noopener">
            Afficher le PDF
          </a>
        </p>
      ) : view.body.sections.length === 0 ? (
        <p>Ce document ne contient aucune section.</p>
      ) : (
        view.body.sections.map((s, i) => <Section key={i} section={s} level={headingLevel} />)
      )}
    </div>
  );
}
