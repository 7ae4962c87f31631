import { invoiceRoutes, type InvoiceCreate } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildInvoiceRecord } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const clientId = randomUUID();

/** Creates like the portal: staff only, lines priced, or a monthly invoice filled from the plan. */
function serveCreate({ asStaff = true }: { asStaff?: boolean } = {}) {
  portal.serve(invoiceRoutes.create, ({ body }) => {
    if (!asStaff) return errorEnvelope('forbidden', 'Only agency staff can do this');
    if (body.clientId !== clientId) return errorEnvelope('not_found', 'Client not found');
    const lines = (body.lines ?? [{ description: 'Growth plan', quantity: 1, unitAmount: '490.00' }]).map((line) => ({
      ...line,
      amount: (line.quantity * Number(line.unitAmount)).toFixed(2),
    }));
    const total = lines.reduce((sum, line) => sum + Number(line.amount), 0).toFixed(2);
    const { lines: _lines, ...fields } = body;
    return buildInvoiceRecord({ ...fields, clientId, lines, total, amountDue: total, notes: body.notes ?? '' });
  });
}

const create = (parameters: Record<string, unknown>) => ({
  resource: 'invoice',
  operation: 'create',
  clientId: locator('list', clientId),
  type: 'additional',
  linesInput: 'fields',
  additionalFields: {},
  ...parameters,
});

describe('Invoice → Create', () => {
  it('sends the lines of the fields, prices as the portal writes amounts, and outputs the numbered invoice', async () => {
    serveCreate();
    const { output } = await runMonoliet({
      parameters: create({
        lines: {
          line: [
            { description: 'Workflow maintenance', quantity: 3, unitAmount: 95 },
            { description: 'Loyalty discount', quantity: 1, unitAmount: -12.5 },
          ],
        },
      }),
    });
    const expected: InvoiceCreate = {
      clientId,
      type: 'additional',
      lines: [
        { description: 'Workflow maintenance', quantity: 3, unitAmount: '95.00' },
        { description: 'Loyalty discount', quantity: 1, unitAmount: '-12.50' },
      ],
    };
    expect(portal.requests).toEqual([{ method: 'POST', path: '/api/v1/invoices', query: {}, authorization: `Bearer ${API_TOKEN}`, body: expected }]);
    expect(output).toEqual([{ json: expect.objectContaining({ number: expect.stringMatching(/^INV-\d{4}-\d{4}$/), total: '272.50' }), pairedItem: { item: 0 } }]);
  });

  it('takes the lines from JSON, with amounts as numbers or text', async () => {
    serveCreate();
    const lines = [
      { description: 'Setup', quantity: 1, unitAmount: '1500.00' },
      { description: 'Extra hours', quantity: '2.5', unitAmount: 80 },
    ];
    await runMonoliet({ parameters: create({ type: 'setup', linesInput: 'json', linesJson: JSON.stringify(lines) }) });
    expect(portal.requests[0].body).toMatchObject({
      type: 'setup',
      lines: [
        { description: 'Setup', quantity: 1, unitAmount: '1500.00' },
        { description: 'Extra hours', quantity: 2.5, unitAmount: '80.00' },
      ],
    });
  });

  it("leaves the lines out of a monthly invoice filled from the client's plan, and sends the dates as days", async () => {
    serveCreate();
    const { output } = await runMonoliet({
      parameters: create({
        type: 'monthly',
        linesInput: 'plan',
        additionalFields: { currency: 'eur', issueDate: '2026-12-01T00:00:00', dueDate: '2026-12-15', periodStart: '2026-12-01T00:00:00', periodEnd: '2026-12-31T00:00:00', notes: 'Thank you' },
      }),
    });
    expect(portal.requests[0].body).toEqual({
      clientId,
      type: 'monthly',
      currency: 'EUR',
      issueDate: '2026-12-01',
      dueDate: '2026-12-15',
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      notes: 'Thank you',
    });
    expect(output[0].json).toMatchObject({ total: '490.00', lines: [expect.objectContaining({ description: 'Growth plan' })] });
  });

  it('refuses, before calling the portal, a plan fill for another type, no lines, bad JSON, more than two decimals and a bad date', async () => {
    serveCreate();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ linesInput: 'plan' }, "Only a monthly invoice can be filled from the client's plan"],
      [{ lines: {} }, 'Add at least one invoice line'],
      [{ linesInput: 'json', linesJson: '{"description":"x"}' }, 'Lines (JSON) must be an array of lines'],
      [{ lines: { line: [{ description: 'x', quantity: 1, unitAmount: 10.005 }] } }, 'Invoice line 1: the unit price must be an amount with at most two decimals, such as 1490.00, not 10.005'],
      [{ lines: { line: [{ description: 'x', quantity: 'many', unitAmount: 1 }] } }, 'Invoice line 1: the quantity must be a number'],
      [{ lines: { line: [{ description: 'x', quantity: 1, unitAmount: 1 }] }, additionalFields: { dueDate: 'next week' } }, '"next week" is not a valid date'],
    ];
    for (const [parameters, message] of cases) {
      await expect(runMonoliet({ parameters: create(parameters) })).rejects.toMatchObject({ message });
    }
    expect(portal.requests).toHaveLength(0);
  });

  it("fails with the portal's message for a client token", async () => {
    serveCreate({ asStaff: false });
    const run = runMonoliet({ parameters: create({ lines: { line: [{ description: 'x', quantity: 1, unitAmount: 1 }] } }) });
    await expect(run).rejects.toMatchObject({ message: 'Only agency staff can do this', httpCode: '403' });
  });

  it('outputs the details of an invoice the portal refuses, and goes on, when the node continues on fail', async () => {
    serveCreate();
    const quantities = [0, 2];
    const { output } = await runMonoliet({
      parameters: create({ lines: { line: [{ description: 'Hours', quantity: (i: number) => quantities[i], unitAmount: 80 }] } }),
      items: [{ json: {} }, { json: {} }],
      continueOnFail: true,
    });
    expect(output).toEqual([
      { json: { error: 'Invalid request body' }, pairedItem: { item: 0 } },
      { json: expect.objectContaining({ total: '160.00' }), pairedItem: { item: 1 } },
    ]);
  });
});
