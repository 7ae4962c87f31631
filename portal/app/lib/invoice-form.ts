// The staff "New invoice" form as the input of issueInvoice. Lines are numbered fields
// (lines.0.description, lines.0.quantity, lines.0.unitAmount, ...); a row left completely empty is dropped,
// so the form can offer spare rows. Anything typed is passed on as typed for the schema to judge.

export type InvoiceFormValues = Record<string, string | undefined>;
export type LineValues = { description: string; quantity: string; unitAmount: string };

export const MAX_FORM_LINES = 100;

export function lineRowsFrom(values: InvoiceFormValues): LineValues[] {
  const rows: LineValues[] = [];
  for (let index = 0; index < MAX_FORM_LINES; index++) {
    const row = { description: values[`lines.${index}.description`]?.trim() ?? '', quantity: values[`lines.${index}.quantity`]?.trim() ?? '', unitAmount: values[`lines.${index}.unitAmount`]?.trim() ?? '' };
    if (row.description || row.quantity || row.unitAmount) rows.push(row);
  }
  return rows;
}

export function invoiceInputFrom(values: InvoiceFormValues): Record<string, unknown> {
  const lines = lineRowsFrom(values).map((row) => ({
    description: row.description,
    quantity: row.quantity === '' ? 1 : Number(row.quantity.replace(',', '.')),
    unitAmount: row.unitAmount,
  }));
  return {
    clientId: values.clientId,
    type: values.type,
    lines: lines.length > 0 ? lines : undefined,
    currency: values.currency?.trim().toUpperCase() || undefined,
    issueDate: values.issueDate || undefined,
    dueDate: values.dueDate || undefined,
    periodStart: values.periodStart || undefined,
    periodEnd: values.periodEnd || undefined,
    notes: values.notes ?? undefined,
  };
}
