import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CdaDocument } from "@/components/documents/cda-document";
import { buildNir } from "@/lib/identity/nir";
import { buildCda } from "./build-cda";
import { hostileSection, sampleVsmSections } from "./sample-documents";
import { cdaView } from "./view";

function render(sections: ReturnType<typeof sampleVsmSections>): string {
  const xml = buildCda({
    uniqueId: "1.2.250.1.213.1.1.9.1",
    typeCode: "60591-5",
    title: "Synthèse médicale",
    createdAt: new Date("2026-01-04T09:30:00Z"),
    serviceDate: "2026-01-04",
    patient: { nir: buildNir({ sex: "F", birthDate: "1980-03-15", place: "75056", order: 12 }), birthDate: "1980-03-15", family: "TEST", given: "Jeanne" },
    author: { idNat: "810000000011", family: "DURAND", given: "Claire", prefix: "Dr" },
    custodian: { finess: "750000019", name: "Hôpital de test" },
    body: { kind: "structured", volet: "vsm", sections },
  });
  const result = cdaView(new TextEncoder().encode(xml));
  if (!result.ok) throw new Error(result.message);
  return renderToStaticMarkup(createElement(CdaDocument, { view: result.view, pdfHref: "/pdf" }));
}

describe("CdaDocument (portal rendering of a CDA)", () => {
  it("renders sections as headings, lists and tables with their text", () => {
    const html = render(sampleVsmSections());
    expect(html).toContain("<h3 class=\"text-base font-semibold text-slate-900\">Pathologies en cours</h3>");
    expect(html).toMatch(/<li><span>Hypertension artérielle<\/span><\/li>/);
    expect(html).toMatch(/<th scope="col"[^>]*><span>Posologie<\/span><\/th>/);
    expect(html).toMatch(/<td[^>]*><span>Metformine 1000 mg<\/span><\/td>/);
    expect(html).toContain("rédigé par Dr Claire DURAND (Hôpital de test), le 04/01/2026");
  });

  it("never outputs the document's markup, script or event handlers", () => {
    const html = render([hostileSection()]);
    expect(html).toContain("visible");
    expect(html).toContain("Fin du texte piégé.");
    // Markup written as text stays text: escaped by React, shown, never parsed.
    expect(html).toContain("&lt;script&gt;document.title=&quot;piraté&quot;&lt;/script&gt;");
    expect(html).not.toMatch(/<script|<img|onload|onclick|onerror|alert\(|__cdaScriptRan/);
  });
});
