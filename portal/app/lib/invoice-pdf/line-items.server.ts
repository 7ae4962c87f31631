import { formatDate } from '../format';
import { COLORS, CONTENT_BOTTOM, CONTENT_WIDTH, PAGE, RIGHT_EDGE } from './style.server';
import { label } from './header.server';
import { money, statusOf, type InvoicePdfData } from './wording';

type Doc = PDFKit.PDFDocument;

const PAD = 7;
const QTY_WIDTH = 46;
const PRICE_WIDTH = 92;
const AMOUNT_WIDTH = 92;
const DESCRIPTION_WIDTH = CONTENT_WIDTH - QTY_WIDTH - PRICE_WIDTH - AMOUNT_WIDTH - 2 * PAD;
const COLUMNS = {
  description: PAGE.margin + PAD,
  qty: PAGE.margin + PAD + DESCRIPTION_WIDTH,
  price: PAGE.margin + PAD + DESCRIPTION_WIDTH + QTY_WIDTH,
  amount: PAGE.margin + PAD + DESCRIPTION_WIDTH + QTY_WIDTH + PRICE_WIDTH,
};

const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** The lines as a table; a long invoice continues on the next page under a repeated header row. */
export function drawLineItems(doc: Doc, { data, top }: { data: InvoicePdfData; top: number }): number {
  const { invoice } = data;
  let y = drawTableHeader(doc, top);
  for (const line of invoice.lines) {
    doc.font('regular').fontSize(9.5);
    const height = doc.heightOfString(line.description, { width: DESCRIPTION_WIDTH - 10 }) + 2 * PAD + 2;
    if (y + height > CONTENT_BOTTOM) {
      doc.addPage();
      y = drawTableHeader(doc, PAGE.margin);
    }
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(COLORS.text)
      .text(line.description, COLUMNS.description, y + PAD + 1, { width: DESCRIPTION_WIDTH - 10 });
    doc.text(quantity.format(line.quantity), COLUMNS.qty, y + PAD + 1, { width: QTY_WIDTH, align: 'right', lineBreak: false });
    doc.text(money(data, line.unitAmount), COLUMNS.price, y + PAD + 1, { width: PRICE_WIDTH, align: 'right', lineBreak: false });
    doc.font('semibold').text(money(data, line.amount), COLUMNS.amount, y + PAD + 1, { width: AMOUNT_WIDTH, align: 'right', lineBreak: false });
    y += height;
    doc.moveTo(PAGE.margin, y).lineTo(RIGHT_EDGE, y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  }
  return y;
}

function drawTableHeader(doc: Doc, top: number): number {
  doc.rect(PAGE.margin, top, CONTENT_WIDTH, 22).fill(COLORS.headerFill);
  const y = top + 7.5;
  label(doc, { text: 'DESCRIPTION', x: COLUMNS.description, y });
  label(doc, { text: 'QTY', x: COLUMNS.qty, y, width: QTY_WIDTH, align: 'right' });
  label(doc, { text: 'UNIT PRICE', x: COLUMNS.price, y, width: PRICE_WIDTH, align: 'right' });
  label(doc, { text: 'AMOUNT', x: COLUMNS.amount, y, width: AMOUNT_WIDTH, align: 'right' });
  return top + 22;
}

/** Subtotal, total, what was paid and what is still due, right-aligned under the table. */
export function drawTotals(doc: Doc, { data, top }: { data: InvoicePdfData; top: number }): number {
  const { invoice } = data;
  const rows: { name: string; value: string; strong?: boolean }[] = [
    { name: 'Subtotal', value: money(data, invoice.total) },
    { name: `Total (${invoice.currency})`, value: money(data, invoice.total), strong: true },
  ];
  const status = statusOf(invoice);
  if (status === 'paid') rows.push({ name: `Paid on ${formatDate(invoice.paidAt)}`, value: money(data, `-${invoice.total}`) });
  if (status === 'void') rows.push({ name: 'Voided', value: money(data, `-${invoice.total}`) });
  const height = rows.length * 20 + 40;
  let y = top + 10;
  if (y + height > CONTENT_BOTTOM) {
    doc.addPage();
    y = PAGE.margin;
  }
  const x = RIGHT_EDGE - 250;
  for (const row of rows) {
    doc
      .font(row.strong ? 'bold' : 'regular')
      .fontSize(row.strong ? 10.5 : 9.5)
      .fillColor(row.strong ? COLORS.text : COLORS.muted);
    doc.text(row.name, x, y, { width: 150, lineBreak: false });
    doc.fillColor(COLORS.text).text(row.value, x + 120, y, { width: 130, align: 'right', lineBreak: false });
    y += 20;
  }
  doc.moveTo(x, y).lineTo(RIGHT_EDGE, y).lineWidth(1).strokeColor(COLORS.text).stroke();
  y += 9;
  doc.font('bold').fontSize(12).fillColor(COLORS.text).text('Amount due', x, y, { width: 150, lineBreak: false });
  doc.text(money(data, invoice.amountDue), x + 100, y, { width: 150, align: 'right', lineBreak: false });
  return y + 30;
}
