import PDFDocument from 'pdfkit';
import { drawHeader, drawParties, label } from './header.server';
import { drawLineItems, drawTotals } from './line-items.server';
import { glyphCheckerOf, makePrintable } from './printable.server';
import { COLORS, CONTENT_BOTTOM, CONTENT_WIDTH, getFontPaths, PAGE, RIGHT_EDGE } from './style.server';
import { paymentTermsOf, statusOf, type InvoicePdfData } from './wording';

export type { InvoicePdfData } from './wording';

type Doc = PDFKit.PDFDocument;

/** Renders an invoice as an A4 PDF: header, parties, lines, totals, notes, payment terms, footer on each page. */
export async function renderInvoicePdf(input: InvoicePdfData): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = getFontPaths();
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    font: fonts.regular,
    info: { Title: `Invoice ${input.invoice.number}`, Author: input.agency.name, Subject: `Invoice ${input.invoice.number} for ${input.billTo.companyName}`, Creator: input.agency.name },
  });
  for (const [name, file] of Object.entries(fonts)) doc.registerFont(name, file);
  const data = makePrintable({ data: input, canPrint: glyphCheckerOf(doc.font('regular')) });
  const finished = collect(doc);

  let y = drawHeader(doc, data);
  y = drawParties(doc, data, y);
  y = drawLineItems(doc, { data, top: y });
  y = drawTotals(doc, { data, top: y });
  if (data.invoice.notes.trim()) y = drawParagraph(doc, { title: 'NOTES', text: data.invoice.notes.trim(), top: y });
  drawParagraph(doc, { title: 'PAYMENT', text: paymentTermsOf(data), top: y });
  finishPages(doc, data);

  doc.end();
  return finished;
}

function drawParagraph(doc: Doc, { title, text, top }: { title: string; text: string; top: number }): number {
  doc.font('regular').fontSize(9.5);
  let y = top + 8;
  if (y + 16 + Math.min(doc.heightOfString(text, { width: CONTENT_WIDTH }), 60) > CONTENT_BOTTOM) {
    doc.addPage();
    y = PAGE.margin;
  }
  label(doc, { text: title, x: PAGE.margin, y });
  // a long note flows onto further pages by itself
  doc
    .font('regular')
    .fontSize(9.5)
    .fillColor(COLORS.text)
    .text(text, PAGE.margin, y + 14, { width: CONTENT_WIDTH, lineGap: 2 });
  return doc.y + 10;
}

/** Once every page exists: the PAID/VOID watermark and the footer with "Page i of n" on each page. */
function finishPages(doc: Doc, { agency, invoice }: InvoicePdfData) {
  const status = statusOf(invoice);
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    if (status === 'paid' || status === 'void') drawWatermark(doc, { text: status.toUpperCase(), color: status === 'paid' ? COLORS.paid : COLORS.void });
    // the footer sits inside the bottom margin, which would otherwise push it onto a new page
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footerY = PAGE.height - PAGE.margin + 8;
    doc
      .moveTo(PAGE.margin, footerY - 8)
      .lineTo(RIGHT_EDGE, footerY - 8)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    const left = [agency.name, agency.supportEmail].filter(Boolean).join('  ·  ');
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLORS.faint)
      .text(left, PAGE.margin, footerY, { width: CONTENT_WIDTH / 2, lineBreak: false });
    doc.text(`${invoice.number}  ·  Page ${index - start + 1} of ${count}`, PAGE.margin + CONTENT_WIDTH / 2, footerY, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

function drawWatermark(doc: Doc, { text, color }: { text: string; color: string }) {
  doc.save();
  doc.rotate(-30, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.font('bold').fontSize(120).fillColor(color).fillOpacity(0.07);
  doc.text(text, 0, PAGE.height / 2 - 80, { width: PAGE.width, align: 'center', lineBreak: false });
  doc.restore();
}

function collect(doc: Doc): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}
