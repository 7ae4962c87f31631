import { invoiceRoutes, type InvoiceDto } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN } from '../helpers/fake-n8n';
import { pageOf } from '../helpers/contract-route';
import { useFakePortal } from '../helpers/fake-portal';
import { buildInvoiceRecord, summaryOf } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const clientId = randomUUID();
let invoices: InvoiceDto[] = [];

beforeEach(() => {
  invoices = Array.from({ length: 620 }, (_, i) =>
    buildInvoiceRecord({ clientId, status: i % 3 === 0 ? 'overdue' : 'paid', isOverdue: i % 3 === 0 }),
  );
  portal.serve(invoiceRoutes.list, ({ query }) => {
    const matching = invoices.filter((invoice) => (query.overdue === undefined || invoice.isOverdue === query.overdue) && (!query.status || query.status.includes(invoice.status)));
    return pageOf(matching.map(summaryOf), query);
  });
});

const getMany = (parameters: Record<string, unknown>) => ({ resource: 'invoice', operation: 'getAll', returnAll: false, limit: 50, filters: {}, options: {}, ...parameters });

describe('Invoice → Get Many', () => {
  it('sends the filters as the portal names them, with dates as days', async () => {
    const { output } = await runMonoliet({
      parameters: getMany({
        limit: 3,
        filters: { status: ['pending', 'overdue'], clientId, overdue: true, type: 'monthly', issuedSince: '2026-01-01T00:00:00', issuedUntil: '2026-11-30' },
        options: { order: 'dueDate' },
      }),
    });
    expect(portal.requests).toEqual([
      {
        method: 'GET',
        path: '/api/v1/invoices',
        authorization: `Bearer ${API_TOKEN}`,
        body: undefined,
        query: { status: 'pending,overdue', client: clientId, overdue: 'true', type: 'monthly', issuedSince: '2026-01-01', issuedUntil: '2026-11-30', order: 'dueDate', limit: '3' },
      },
    ]);
    expect(output.map((item) => [item.json.status, item.pairedItem])).toEqual([
      ['overdue', { item: 0 }],
      ['overdue', { item: 0 }],
      ['overdue', { item: 0 }],
    ]);
  });

  it('asks for the invoices that are not overdue when the filter is off', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ limit: 10, filters: { overdue: false } }) });
    expect(portal.requests[0].query.overdue).toBe('false');
    expect(output.every((item) => item.json.isOverdue === false)).toBe(true);
  });

  it('reads every page with Return All', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ returnAll: true }) });
    expect(output.map((item) => item.json.id)).toEqual(invoices.map((invoice) => invoice.id));
    expect(output[0].json).not.toHaveProperty('lines');
    expect(portal.requests.map((r) => [r.query.limit, r.query.cursor === undefined])).toEqual([
      ['250', true],
      ['250', false],
      ['250', false],
    ]);
  });

  it('outputs the reason for a filter the portal refuses when the node continues on fail', async () => {
    // shaped like an ID, but not one the portal issues (not a version 1-8 UUID)
    const { output } = await runMonoliet({ parameters: getMany({ filters: { clientId: '00000000-0000-0000-0000-000000000001' } }), continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'Invalid query' }, pairedItem: { item: 0 } }]);
  });

  it('refuses a date that does not exist before calling the portal', async () => {
    await expect(runMonoliet({ parameters: getMany({ filters: { issuedUntil: 'yesterday' } }) })).rejects.toMatchObject({ message: '"yesterday" is not a valid date' });
    await expect(runMonoliet({ parameters: getMany({ filters: { issuedSince: '2026-02-30' } }) })).rejects.toMatchObject({ message: '"2026-02-30" is not a valid date' });
    expect(portal.requests).toHaveLength(0);
  });
});
