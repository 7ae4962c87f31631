import { clientRoutes, invoiceRoutes, ticketRoutes, workflowRoutes, type InvoiceDto, type TicketDetail } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { Monoliet } from '../../nodes/Monoliet/Monoliet.node';
import { pageOf } from './helpers/contract-route';
import { API_TOKEN, PORTAL_URL, fakeLoadOptionsFunctions } from './helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from './helpers/fake-portal';
import { buildClientRecord, buildInvoiceRecord, buildTicketRecord, buildWorkflowRecord, summaryOf, ticketOf, workflowOf } from './helpers/records';

const portal = useFakePortal();
const { listSearch } = new Monoliet().methods;
const context = () => fakeLoadOptionsFunctions();

describe('resource locator lists', () => {
  it('lists tickets by number and subject with their page URL, searching in the portal and paging on', async () => {
    const tickets: TicketDetail[] = Array.from({ length: 60 }, () => buildTicketRecord({ subject: 'Export stopped' }));
    portal.serve(ticketRoutes.list, ({ query }) => pageOf(tickets.map(ticketOf), query));

    const first = await listSearch.searchTickets.call(context(), ' export ');
    expect(portal.requests[0]).toMatchObject({ path: '/api/v1/tickets', authorization: `Bearer ${API_TOKEN}`, query: { search: 'export', order: '-updatedAt', limit: '50' } });
    expect(first.results[0]).toEqual({ name: `#${tickets[0].number} Export stopped`, value: tickets[0].id, url: `${PORTAL_URL}/tickets/${tickets[0].id}` });
    expect(first.results).toHaveLength(50);

    const second = await listSearch.searchTickets.call(context(), 'export', first.paginationToken as string);
    expect(second.results.map((r) => r.value)).toEqual(tickets.slice(50).map((t) => t.id));
    expect(second.paginationToken).toBeUndefined();
  });

  it('finds invoices by number or client name, reading further pages until one matches', async () => {
    const invoices: InvoiceDto[] = Array.from({ length: 120 }, () => buildInvoiceRecord({ clientName: 'Bakkerij Jansen' }));
    invoices[110] = { ...invoices[110], clientName: 'Fietsen Groot' };
    portal.serve(invoiceRoutes.list, ({ query }) => pageOf(invoices.map(summaryOf), query));

    const found = await listSearch.searchInvoices.call(context(), 'fietsen');
    expect(found.results).toEqual([
      { name: `${invoices[110].number} · Fietsen Groot · 250.00 EUR (pending)`, value: invoices[110].id, url: `${PORTAL_URL}/invoices/${invoices[110].id}` },
    ]);
    expect(portal.requests).toHaveLength(3);
    expect(found.paginationToken).toBeUndefined();

    portal.requests.length = 0;
    const unfiltered = await listSearch.searchInvoices.call(context());
    expect(unfiltered.results).toHaveLength(50);
    expect(portal.requests).toHaveLength(1);
    expect(typeof unfiltered.paginationToken).toBe('string');
  });

  it('lists clients by company name, searching in the portal', async () => {
    const clients = [buildClientRecord({ companyName: 'Acme' }), buildClientRecord({ companyName: 'Acme Logistics' })];
    portal.serve(clientRoutes.list, ({ query }) => pageOf(clients, query));
    const found = await listSearch.searchClients.call(context(), 'acme');
    expect(portal.requests[0].query).toEqual({ search: 'acme', limit: '50' });
    expect(found).toEqual({ results: clients.map((c) => ({ name: c.companyName, value: c.id })), paginationToken: undefined });
  });

  it('lists workflows by name with their client and page URL, searching in the portal', async () => {
    const workflows = [buildWorkflowRecord({ name: 'Orders sync', client: { id: randomUUID(), slug: 'acme', companyName: 'Acme' } }), buildWorkflowRecord({ name: 'Orders backup' })];
    portal.serve(workflowRoutes.list, ({ query }) => pageOf(workflows.map(workflowOf), query));
    const found = await listSearch.searchWorkflows.call(context(), ' orders ');
    expect(portal.requests[0].query).toEqual({ search: 'orders', limit: '50' });
    expect(found).toEqual({
      results: [
        { name: 'Orders sync (Acme)', value: workflows[0].id, url: `${PORTAL_URL}/workflows/${workflows[0].id}` },
        { name: 'Orders backup', value: workflows[1].id, url: `${PORTAL_URL}/workflows/${workflows[1].id}` },
      ],
      paginationToken: undefined,
    });
  });

  it("shows the portal's message when the token may not list", async () => {
    portal.serve(clientRoutes.list, () => errorEnvelope('forbidden', 'This token lacks the read scope'));
    await expect(listSearch.searchClients.call(context())).rejects.toMatchObject({ message: 'This token lacks the read scope', httpCode: '403' });
  });
});
