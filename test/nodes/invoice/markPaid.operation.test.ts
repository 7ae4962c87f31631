import { invoiceRoutes, type InvoiceDto } from '@monoliet/contract';
import { API_TOKEN, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildInvoiceRecord } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const invoices = new Map<string, InvoiceDto>();

beforeEach(() => {
  invoices.clear();
  portal.serve(invoiceRoutes.pay, ({ params, body }) => {
    const invoice = invoices.get(params.id);
    if (!invoice) return errorEnvelope('not_found', 'Invoice not found');
    if (invoice.status === 'paid') return errorEnvelope('conflict', 'This invoice is already paid');
    const paid: InvoiceDto = { ...invoice, status: 'paid', isOverdue: false, amountDue: '0.00', paymentMethod: body.method, paidAt: new Date(body.paidAt ?? Date.now()).toISOString() };
    invoices.set(paid.id, paid);
    return paid;
  });
});

function stored(overrides: Partial<InvoiceDto> = {}) {
  const invoice = buildInvoiceRecord(overrides);
  invoices.set(invoice.id, invoice);
  return invoice;
}

const markPaid = (invoiceId: unknown, parameters: Record<string, unknown> = {}) => ({ resource: 'invoice', operation: 'markPaid', invoiceId, method: 'bank_transfer', options: {}, ...parameters });

describe('Invoice → Mark Paid', () => {
  it('records the payment with its method and outputs the paid invoice', async () => {
    const invoice = stored({ status: 'overdue', isOverdue: true });
    const { output } = await runMonoliet({ parameters: markPaid(locator('list', invoice.id), { method: 'stripe' }) });
    expect(portal.requests).toEqual([{ method: 'POST', path: `/api/v1/invoices/${invoice.id}/pay`, query: {}, authorization: `Bearer ${API_TOKEN}`, body: { method: 'stripe' } }]);
    expect(output).toEqual([{ json: expect.objectContaining({ status: 'paid', amountDue: '0.00', paymentMethod: 'stripe' }), pairedItem: { item: 0 } }]);
  });

  it("sends when the money arrived, read in the workflow's time zone", async () => {
    const invoice = stored();
    await runMonoliet({ parameters: markPaid(locator('id', invoice.id), { options: { paidAt: '2026-11-20T14:30:00' } }), timezone: 'Europe/Amsterdam' });
    expect(portal.requests[0].body).toEqual({ method: 'bank_transfer', paidAt: '2026-11-20T13:30:00.000Z' });
  });

  it('marks the invoice of each item, outputting the conflict for one already paid when continuing on fail', async () => {
    const [paid, open] = [stored({ status: 'paid' }), stored()];
    const ids = [paid.id, open.id];
    const { output } = await runMonoliet({ parameters: markPaid((i: number) => locator('id', ids[i])), items: [{ json: {} }, { json: {} }], continueOnFail: true });
    expect(output).toEqual([
      { json: { error: 'This invoice is already paid' }, pairedItem: { item: 0 } },
      { json: expect.objectContaining({ id: open.id, status: 'paid' }), pairedItem: { item: 1 } },
    ]);
  });

  it("fails with the portal's message without continue on fail", async () => {
    const paid = stored({ status: 'paid' });
    await expect(runMonoliet({ parameters: markPaid(locator('id', paid.id)) })).rejects.toMatchObject({ message: 'This invoice is already paid', httpCode: '409' });
  });
});
