import type { TCdaBuildSection } from "./build-cda";

/**
 * Realistic bodies for test fixtures and the sandbox: a VSM (volet de synthèse médicale)
 * with the sections the CI-SIS VSM expects, and a section full of markup and script that
 * no portal may execute. LOINC section codes as in the CI-SIS VSM.
 */
const LOINC = "2.16.840.1.113883.6.1";

export function sampleVsmSections(): TCdaBuildSection[] {
  return [
    {
      code: { code: "11450-4", system: LOINC, display: "Problem list" },
      title: "Pathologies en cours",
      list: ["Diabète de type 2 équilibré sous traitement oral", "Hypertension artérielle"],
    },
    {
      code: { code: "11348-0", system: LOINC, display: "History of past illness" },
      title: "Antécédents médicaux",
      paragraphs: ["Appendicectomie en 1998.", "Fracture du poignet droit en 2015, consolidée."],
    },
    {
      code: { code: "48765-2", system: LOINC, display: "Allergies and adverse reactions" },
      title: "Allergies et intolérances",
      paragraphs: ["Allergie à la pénicilline (urticaire)."],
    },
    {
      code: { code: "10160-0", system: LOINC, display: "History of medication use" },
      title: "Traitements au long cours",
      table: {
        head: ["Médicament", "Posologie", "Depuis"],
        rows: [
          ["Metformine 1000 mg", "1 comprimé matin et soir", "2019"],
          ["Ramipril 5 mg", "1 comprimé le matin", "2021"],
        ],
      },
    },
  ];
}

/** A section written to attack the reader: script, event handlers, raw HTML. */
export function hostileSection(): TCdaBuildSection {
  return {
    title: "Section piégée",
    unsafeNarrativeXml:
      '<paragraph onload="alert(1)" styleCode="Bold">Texte <content onclick="alert(2)">visible</content></paragraph>' +
      '<script xmlns="http://www.w3.org/1999/xhtml">window.__cdaScriptRan = true;</script>' +
      '<paragraph><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__cdaScriptRan = true"/>Fin du texte piégé.</paragraph>' +
      '<paragraph>Balise écrite en texte : &lt;script&gt;document.title="piraté"&lt;/script&gt;</paragraph>',
  };
}

/** The smallest PDF a test needs (readers only check the signature). */
export function tinyPdf(): Uint8Array {
  return new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
