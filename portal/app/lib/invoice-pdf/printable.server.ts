import { formatMoney } from '../money';
import type { InvoicePdfData } from './wording';

// Open Sans has no glyph for a few characters people do type (arrows, check marks) and for some currency
// symbols (₹, ₽, ₩): those would print as empty boxes. Known ones get an ASCII stand-in, and money falls
// back to the ISO code ("INR 1,490.00") when the symbol is missing.

const STAND_INS: Record<string, string> = { '→': '->', '←': '<-', '⇒': '=>', '⇐': '<=', '↔': '<->', '✓': 'v', '✔': 'v', '✗': 'x', '✘': 'x', '★': '*' };

type GlyphFont = { hasGlyphForCodePoint(codePoint: number): boolean };

/** Whether the document's current font can draw every character of a text. */
export function glyphCheckerOf(doc: PDFKit.PDFDocument): (text: string) => boolean {
  // pdfkit keeps the fontkit font of an embedded TrueType font on its (untyped) current font
  const font = (doc as unknown as { _font?: { font?: Partial<GlyphFont> } })._font?.font;
  if (typeof font?.hasGlyphForCodePoint !== 'function') return () => true;
  const check = font as GlyphFont;
  return (text) => [...text].every((ch) => check.hasGlyphForCodePoint(ch.codePointAt(0)!));
}

export function makePrintable({ data, canPrint }: { data: InvoicePdfData; canPrint: (text: string) => boolean }): InvoicePdfData {
  const printable = (text: string) => [...text].map((ch) => (canPrint(ch) ? ch : (STAND_INS[ch] ?? ch))).join('');
  const { agency, billTo, invoice } = data;
  return {
    agency: { ...agency, name: printable(agency.name) },
    billTo: { companyName: printable(billTo.companyName), contactName: printable(billTo.contactName), email: billTo.email },
    invoice: { ...invoice, notes: printable(invoice.notes), lines: invoice.lines.map((line) => ({ ...line, description: printable(line.description) })) },
    currencyDisplay: canPrint(formatMoney({ amount: '1', currency: invoice.currency })) ? 'symbol' : 'code',
  };
}
