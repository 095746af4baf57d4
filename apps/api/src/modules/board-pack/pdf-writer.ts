import PDFDocument from 'pdfkit';

/** The NHS design system's colours (service manual, "Colour"). */
export const NHS = {
  blue: '#005eb8',
  darkBlue: '#003087',
  text: '#212b32',
  secondaryText: '#4c6272',
  midGrey: '#768692',
  paleGrey: '#d8dde0',
  lightGrey: '#f0f4f5',
  white: '#ffffff',
} as const;

/**
 * The standard PDF fonts: Helvetica is metric-compatible with Arial, the design system's fallback for
 * Frutiger, and needs no font file. They encode WinAnsi only, so other characters are written as
 * their nearest ASCII (or dropped): see pdfText.
 */
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)!));
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '′': "'",
  '″': '"',
  '✓': 'yes',
  '✔': 'yes',
  '×': 'x',
};

/** Text the standard fonts can draw: WinAnsi characters kept, a few others spelt out, the rest '?'. */
export function pdfText(value: string): string {
  let out = '';
  for (const char of value.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code === 0x0a || code === 0x09) out += char === '\t' ? ' ' : char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code < 0x100 || WIN_ANSI_EXTRA.has(code)) out += char;
    else out += REPLACEMENTS[char] ?? '?';
  }
  return out;
}

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 56, bottom: 72, left: 50, right: 50 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right';
}

/** A thin layer over pdfkit: headings, paragraphs, lists and tables that break across pages. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;

  constructor(info: { Title: string; Author: string; Subject: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      info: { ...info, Creator: 'What Good Looks Like digital maturity assessment' },
      lang: 'en-GB',
      displayTitle: true,
      pdfVersion: '1.7',
    });
    this.doc.font(FONT.regular).fontSize(11).fillColor(NHS.text);
  }

  get y(): number {
    return this.doc.y;
  }

  private get bottom(): number {
    return A4.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 | 3 = 1): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 12;
    this.ensure(size * 4);
    // Space above, unless the heading starts the page.
    if (this.doc.y > MARGIN.top + 1) this.doc.moveDown(level === 1 ? 0.8 : 0.5);
    this.doc
      .font(FONT.bold)
      .fontSize(size)
      .fillColor(NHS.text)
      .text(pdfText(text), MARGIN.left, this.doc.y, { width: CONTENT_WIDTH });
    this.doc.moveDown(level === 1 ? 0.5 : 0.3);
    this.doc.font(FONT.regular).fontSize(11);
  }

  paragraph(text: string, options: { size?: number; colour?: string; bold?: boolean } = {}): void {
    const size = options.size ?? 11;
    this.doc.font(options.bold ? FONT.bold : FONT.regular).fontSize(size);
    const safe = pdfText(text);
    this.ensure(Math.min(this.doc.heightOfString(safe, { width: CONTENT_WIDTH }), 4 * size * 1.3));
    this.doc
      .fillColor(options.colour ?? NHS.text)
      .text(safe, MARGIN.left, this.doc.y, { width: CONTENT_WIDTH });
    this.doc.moveDown(0.4);
    this.doc.font(FONT.regular).fontSize(11).fillColor(NHS.text);
  }

  /** A label in bold followed by its value, on one line (wrapping as needed). */
  field(label: string, value: string): void {
    this.doc.fontSize(11);
    const text = `${pdfText(label)}: ${pdfText(value)}`;
    this.ensure(this.doc.heightOfString(text, { width: CONTENT_WIDTH }));
    this.doc
      .font(FONT.bold)
      .fillColor(NHS.text)
      .text(`${pdfText(label)}: `, MARGIN.left, this.doc.y, { continued: true, width: CONTENT_WIDTH })
      .font(FONT.regular)
      .text(pdfText(value));
    this.doc.moveDown(0.2);
  }

  bullets(items: readonly string[], size = 11): void {
    this.doc.font(FONT.regular).fontSize(size).fillColor(NHS.text);
    for (const item of items) {
      const safe = pdfText(item);
      const height = this.doc.heightOfString(safe, { width: CONTENT_WIDTH - 16 });
      this.ensure(height);
      const top = this.doc.y;
      this.doc.circle(MARGIN.left + 5, top + size * 0.45, 2).fill(NHS.text);
      this.doc.fillColor(NHS.text).text(safe, MARGIN.left + 16, top, { width: CONTENT_WIDTH - 16 });
      this.doc.moveDown(0.2);
    }
    this.doc.x = MARGIN.left;
    this.doc.moveDown(0.2);
  }

  /** A table whose rows wrap and which carries its header onto each new page. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 9.5): void {
    const doc = this.doc;
    const widths = columns.map((c) => c.width * CONTENT_WIDTH);
    const pad = 4;
    const rowHeight = (cells: readonly string[], bold: boolean) => {
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(size);
      return (
        Math.max(...cells.map((c, i) => doc.heightOfString(pdfText(c), { width: widths[i]! - 2 * pad }))) +
        2 * pad
      );
    };
    const drawRow = (cells: readonly string[], header: boolean) => {
      const height = rowHeight(cells, header);
      const top = doc.y;
      if (header) doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(NHS.lightGrey);
      let x = MARGIN.left;
      doc
        .font(header ? FONT.bold : FONT.regular)
        .fontSize(size)
        .fillColor(NHS.text);
      cells.forEach((cell, i) => {
        doc.text(pdfText(cell), x + pad, top + pad, {
          width: widths[i]! - 2 * pad,
          align: columns[i]!.align ?? 'left',
        });
        x += widths[i]!;
      });
      doc
        .moveTo(MARGIN.left, top + height)
        .lineTo(MARGIN.left + CONTENT_WIDTH, top + height)
        .lineWidth(header ? 1.2 : 0.5)
        .strokeColor(header ? NHS.text : NHS.paleGrey)
        .stroke();
      doc.x = MARGIN.left;
      doc.y = top + height;
    };
    const headers = columns.map((c) => c.header);
    this.ensure(rowHeight(headers, true) + (rows[0] ? rowHeight(rows[0], false) : 0));
    drawRow(headers, true);
    for (const row of rows) {
      const height = rowHeight(row, false);
      if (doc.y + height > this.bottom) {
        doc.addPage();
        drawRow(headers, true);
      }
      drawRow(row, false);
    }
    doc.moveDown(0.6);
    doc.font(FONT.regular).fontSize(11).fillColor(NHS.text);
  }

  /** Resolves with the whole file once pdfkit has written it. */
  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
