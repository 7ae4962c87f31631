import { invoiceRoutes, type InvoiceDto } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN, PORTAL_URL, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildInvoiceRecord } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const invoices = new Map<string, InvoiceDto>();
beforeEach(() => {
  invoices.clear();
  portal.serve(invoiceRoutes.get, ({ params }) => invoices.get(params.id) ?? errorEnvelope('not_found', 'Invoice not found'));
});

function stored() {
  const invoice = buildInvoiceRecord();
  invoices.set(invoice.id, invoice);
  return invoice;
}

describe('Invoice → Get', () => {
  it('gets each item’s invoice with its lines, paired with the item', async () => {
    const [first, second] = [stored(), stored()];
    const items = [{ json: { invoice: first.id } }, { json: { invoice: second.id } }];
    const { output } = await runMonoliet({ parameters: { resource: 'invoice', operation: 'get', invoiceId: (i: number) => locator('id', items[i].json.invoice) }, items });
    expect(portal.requests.map(({ method, path, authorization }) => ({ method, path, authorization }))).toEqual([
      { method: 'GET', path: `/api/v1/invoices/${first.id}`, authorization: `Bearer ${API_TOKEN}` },
      { method: 'GET', path: `/api/v1/invoices/${second.id}`, authorization: `Bearer ${API_TOKEN}` },
    ]);
    expect(output).toEqual([
      { json: first, pairedItem: { item: 0 } },
      { json: second, pairedItem: { item: 1 } },
    ]);
  });

  it("takes the invoice from its portal page's URL, and refuses another page's URL", async () => {
    const invoice = stored();
    const { output } = await runMonoliet({ parameters: { resource: 'invoice', operation: 'get', invoiceId: locator('url', `${PORTAL_URL}/invoices/${invoice.id}`) } });
    expect(output[0].json).toMatchObject({ number: invoice.number });
    const wrongPage = runMonoliet({ parameters: { resource: 'invoice', operation: 'get', invoiceId: locator('url', `${PORTAL_URL}/tickets/${invoice.id}`) } });
    await expect(wrongPage).rejects.toThrow("Invoice parameter's value is invalid");
    expect(portal.requests).toHaveLength(1);
  });

  it("fails with the portal's message, or outputs it when the node continues on fail", async () => {
    const parameters = { resource: 'invoice', operation: 'get', invoiceId: locator('list', randomUUID()) };
    await expect(runMonoliet({ parameters })).rejects.toMatchObject({ message: 'Invoice not found', httpCode: '404' });
    const { output } = await runMonoliet({ parameters, continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'Invoice not found' }, pairedItem: { item: 0 } }]);
  });
});
