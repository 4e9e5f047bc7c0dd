import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/** A medical letter as the seed writes it, rendered either as PDF or as plain text. */
export type TLetter = {
  /** Issuing structure and its address, top left. */
  structureName: string;
  structureLine: string;
  /** "Dr Claire Dubois – Médecine générale – RPPS 10001000011" */
  authorLine: string;
  title: string;
  /** "Les Lilas, le 12 mars 2026" */
  placeAndDate: string;
  /** "Patient : M. Jean MARTIN, né le 14/03/1958 – INS 1 58 03 ..." */
  patientLine: string;
  sections: { heading?: string; lines: string[] }[];
  signature: string;
};

const FOOTER = "Document fictif produit par le simulateur DMP – données de démonstration.";

// Helvetica standard font = WinAnsi encoding: Latin-1 plus a few typographic signs.
// Anything else would make pdf-lib throw, so it is replaced first.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = { "≥": ">=", "≤": "<=", "→": "->", "\u202f": " ", "\u2009": " ", "×": "x" };

function winAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += "?";
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || current === "") current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [""];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

export async function renderLetterPdf(letter: TLetter, meta: { subject: string; creationDate: Date }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(letter.title));
  pdf.setSubject(winAnsi(meta.subject));
  pdf.setAuthor(winAnsi(letter.signature));
  pdf.setProducer("Simulateur DMP");
  pdf.setCreator("Simulateur DMP (données de démonstration)");
  pdf.setCreationDate(meta.creationDate);
  pdf.setModificationDate(meta.creationDate);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;

  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const footer = (p: PDFPage) =>
    p.drawText(winAnsi(FOOTER), { x: MARGIN, y: 30, size: 7.5, font: regular, color: rgb(0.45, 0.45, 0.45) });
  footer(page);

  const line = (text: string, font: PDFFont, size: number, gap = 4, color = rgb(0, 0, 0)) => {
    for (const l of wrap(winAnsi(text), font, size, width)) {
      if (y < MARGIN + 20) {
        page = pdf.addPage(A4);
        footer(page);
        y = A4[1] - MARGIN;
      }
      page.drawText(l, { x: MARGIN, y, size, font, color });
      y -= size + gap;
    }
  };

  line(letter.structureName, bold, 12, 3, rgb(0.05, 0.2, 0.45));
  line(letter.structureLine, regular, 9, 2);
  line(letter.authorLine, regular, 9, 12);
  line(letter.placeAndDate, regular, 10, 14);
  line(letter.title, bold, 14, 8);
  line(letter.patientLine, regular, 9.5, 14, rgb(0.2, 0.2, 0.2));
  for (const section of letter.sections) {
    if (section.heading) line(section.heading, bold, 10.5, 4);
    for (const text of section.lines) line(text, regular, 10, 3);
    y -= 8;
  }
  y -= 10;
  line(letter.signature, bold, 10, 3);
  return pdf.save({ useObjectStreams: false });
}

export function renderLetterText(letter: TLetter): Uint8Array {
  const out: string[] = [
    letter.structureName,
    letter.structureLine,
    letter.authorLine,
    "",
    letter.placeAndDate,
    "",
    letter.title.toUpperCase(),
    letter.patientLine,
    "",
  ];
  for (const section of letter.sections) {
    if (section.heading) out.push(section.heading, "-".repeat(Math.min(section.heading.length, 60)));
    out.push(...section.lines, "");
  }
  out.push(letter.signature, "", FOOTER, "");
  return new TextEncoder().encode(out.join("\n"));
}
