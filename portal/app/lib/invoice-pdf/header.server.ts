import { formatDate } from '../format';
import { paymentMethodLabel } from '../invoice-labels';
import { COLORS, CONTENT_WIDTH, PAGE, RIGHT_EDGE, tint } from './style.server';
import { headlineOf, STATUS_BADGES, statusOf, type InvoicePdfData } from './wording';

type Doc = PDFKit.PDFDocument;

const STATUS_COLORS = { pending: COLORS.due, overdue: COLORS.overdue, paid: COLORS.paid, void: COLORS.void } as const;

/** The agency (monogram, name, support email) on the left; INVOICE, its number and status on the right. */
export function drawHeader(doc: Doc, { agency, invoice }: InvoicePdfData): number {
  const top = PAGE.margin;
  doc.rect(0, 0, PAGE.width, 6).fill(agency.brandColor);
  doc.roundedRect(PAGE.margin, top, 36, 36, 7).fill(agency.brandColor);
  doc
    .font('bold')
    .fontSize(17)
    .fillColor('#ffffff')
    .text(agency.name.trim().slice(0, 1).toUpperCase(), PAGE.margin, top + 6, { width: 36, align: 'center' });
  doc
    .font('bold')
    .fontSize(14)
    .fillColor(COLORS.text)
    .text(agency.name, PAGE.margin + 48, top + 1, { width: 240, lineBreak: false, ellipsis: true });
  if (agency.supportEmail)
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(COLORS.muted)
      .text(agency.supportEmail, PAGE.margin + 48, top + 21, { width: 240, lineBreak: false });

  doc
    .font('bold')
    .fontSize(22)
    .fillColor(COLORS.text)
    .text('INVOICE', RIGHT_EDGE - 220, top - 4, { width: 220, align: 'right', characterSpacing: 1.5 });
  doc
    .font('semibold')
    .fontSize(10.5)
    .fillColor(COLORS.muted)
    .text(invoice.number, RIGHT_EDGE - 220, top + 26, { width: 220, align: 'right' });
  drawStatusBadge(doc, { invoice, right: RIGHT_EDGE, y: top + 46 });

  const ruleY = top + 80;
  doc.moveTo(PAGE.margin, ruleY).lineTo(RIGHT_EDGE, ruleY).lineWidth(0.75).strokeColor(COLORS.rule).stroke();
  return ruleY + 22;
}

function drawStatusBadge(doc: Doc, { invoice, right, y }: { invoice: InvoicePdfData['invoice']; right: number; y: number }) {
  const status = statusOf(invoice);
  const label = STATUS_BADGES[status];
  const color = STATUS_COLORS[status];
  doc.font('bold').fontSize(8);
  const width = doc.widthOfString(label, { characterSpacing: 0.8 }) + 18;
  doc.roundedRect(right - width, y, width, 17, 8.5).fill(tint({ hex: color, amount: 0.85 }));
  doc.fillColor(color).text(label, right - width, y + 4.2, { width, align: 'center', characterSpacing: 0.8, lineBreak: false });
}

/** "Billed to" on the left, the dates on the right, then the headline (amount and due date). */
export function drawParties(doc: Doc, data: InvoicePdfData, top: number): number {
  const { billTo, invoice } = data;
  label(doc, { text: 'BILLED TO', x: PAGE.margin, y: top });
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(COLORS.text)
    .text(billTo.companyName, PAGE.margin, top + 15, { width: 250 });
  doc.font('regular').fontSize(9.5).fillColor(COLORS.text);
  if (billTo.contactName) doc.text(billTo.contactName, { width: 250 });
  doc.fillColor(COLORS.muted).text(billTo.email, { width: 250 });
  const leftBottom = doc.y;

  const facts: [string, string][] = [
    ['Invoice number', invoice.number],
    ['Issue date', formatDate(invoice.issueDate)],
    ['Due date', formatDate(invoice.dueDate)],
  ];
  if (invoice.periodStart && invoice.periodEnd) facts.push(['Service period', `${formatDate(invoice.periodStart)} – ${formatDate(invoice.periodEnd)}`]);
  if (invoice.paidAt) facts.push(['Paid on', formatDate(invoice.paidAt)], ['Payment method', paymentMethodLabel(invoice.paymentMethod)]);
  if (invoice.voidedAt) facts.push(['Voided on', formatDate(invoice.voidedAt)]);
  const x = PAGE.margin + CONTENT_WIDTH - 230;
  facts.forEach(([name, value], i) => {
    const y = top + i * 16;
    doc.font('regular').fontSize(9).fillColor(COLORS.muted).text(name, x, y, { width: 100, lineBreak: false });
    doc
      .font('semibold')
      .fontSize(9)
      .fillColor(COLORS.text)
      .text(value, x + 95, y, { width: 135, align: 'right', lineBreak: false });
  });
  const rightBottom = top + facts.length * 16;

  const headlineY = Math.max(leftBottom, rightBottom) + 22;
  doc.font('bold').fontSize(17).fillColor(COLORS.text).text(headlineOf(data), PAGE.margin, headlineY, { width: CONTENT_WIDTH });
  return doc.y + 18;
}

export function label(doc: Doc, { text, x, y, width, align }: { text: string; x: number; y: number; width?: number; align?: 'left' | 'right' }) {
  doc.font('semibold').fontSize(7.5).fillColor(COLORS.muted).text(text, x, y, { width, align, characterSpacing: 0.9, lineBreak: false });
}
