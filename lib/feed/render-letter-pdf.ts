import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/** Helvetica (WinAnsi) cannot draw every character: anything else becomes "?". */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\u202f" || ch === "\u2009" || ch === "\t") out += " ";
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += "?";
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/ +/);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current === "" || font.widthOfTextAtSize(candidate, size) <= width) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

export type TLetterPdf = { structureName: string; title: string; patientLine: string; authorLine: string; body: string; date: Date };

/** A hospital letter as a one- or multi-page A4 PDF (pdf-lib, standard fonts). */
export async function renderLetterPdf(letter: TLetterPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(toWinAnsi(letter.title));
  pdf.setAuthor(toWinAnsi(letter.authorLine));
  pdf.setProducer("Simulateur DMP — simulateur hospitalier");
  pdf.setCreationDate(letter.date);
  pdf.setModificationDate(letter.date);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const draw = (text: string, font: PDFFont, size: number, gap = 4) => {
    for (const l of wrap(toWinAnsi(text), font, size, width)) {
      if (y < MARGIN) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(l, { x: MARGIN, y, size, font, color: rgb(0, 0, 0) });
      y -= size + gap;
    }
  };
  draw(letter.structureName, bold, 12, 3);
  draw(letter.authorLine, regular, 9, 14);
  draw(letter.title, bold, 14, 8);
  draw(letter.patientLine, regular, 9.5, 14);
  for (const paragraph of letter.body.split(/\r?\n/)) draw(paragraph, regular, 10, 3);
  y -= 16;
  draw("Document fictif produit par le simulateur hospitalier du simulateur DMP.", regular, 7.5);
  return pdf.save({ useObjectStreams: false });
}
