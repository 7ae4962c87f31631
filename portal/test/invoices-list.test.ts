import { getDb } from '~/models/index.server';
import { createInvoice } from '~/services/invoices.server';
import { buildClient, buildUser } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { readPdfText } from './helpers/pdf-text';
import { startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
let staffApi: ReturnType<typeof apiClient>;
let staffToken: string;
beforeAll(async () => {
  portal = await startPortal();
  staffToken = await tokenFor(await buildUser({ role: 'staff' }));
  staffApi = apiClient(portal.url, staffToken);
});
afterAll(async () => {
  await portal?.stop();
});

const line = { description: 'Retainer', quantity: 1, unitAmount: '500.00' };
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const numbersOf = (body: { data: { number: string }[] }) => body.data.map((i) => i.number);

/** A client with one invoice in each state; the pending ones are one past due and one not yet due. */
async function clientWithEveryState() {
  const client = await buildClient();
  const make = (options: { issueDate: string; dueDate: string; type?: 'setup' | 'monthly' | 'additional' }) =>
    createInvoice({ clientId: client.id, type: options.type ?? 'additional', lines: [line], issueDate: options.issueDate, dueDate: options.dueDate });
  const pastDue = await make({ issueDate: daysFromNow(-40), dueDate: daysFromNow(-10) });
  const notYetDue = await make({ issueDate: daysFromNow(-2), dueDate: daysFromNow(12), type: 'monthly' });
  const overdue = await make({ issueDate: daysFromNow(-60), dueDate: daysFromNow(-30) });
  await overdue.update({ status: 'overdue' });
  const paid = await make({ issueDate: daysFromNow(-90), dueDate: daysFromNow(-76), type: 'setup' });
  await paid.update({ status: 'paid', paidAt: new Date(), paymentMethod: 'card' });
  const voided = await make({ issueDate: daysFromNow(-20), dueDate: daysFromNow(-6) });
  await voided.update({ status: 'void', voidedAt: new Date() });
  return { client, pastDue, notYetDue, overdue, paid, voided };
}

describe('listing invoices', () => {
  it('finds overdue invoices: those marked overdue and pending ones past their due date', async () => {
    const { client, pastDue, notYetDue, overdue, paid, voided } = await clientWithEveryState();
    const due = await staffApi('GET', `/invoices?client=${client.id}&overdue=true&order=number`);
    expect(numbersOf(due.body)).toEqual([pastDue.number, overdue.number]);
    expect(due.body.data.every((i: { isOverdue: boolean }) => i.isOverdue)).toBe(true);
    const notDue = await staffApi('GET', `/invoices?client=${client.id}&overdue=false&order=number`);
    expect(numbersOf(notDue.body)).toEqual([notYetDue.number, paid.number, voided.number]);
  });

  it('filters by one or several statuses, by type and by issue date', async () => {
    const { client, pastDue, notYetDue, overdue, paid, voided } = await clientWithEveryState();
    const get = (query: string) => staffApi('GET', `/invoices?client=${client.id}&order=number&${query}`);
    expect(numbersOf((await get('status=paid')).body)).toEqual([paid.number]);
    expect(numbersOf((await get('status=pending,overdue')).body)).toEqual([pastDue.number, notYetDue.number, overdue.number]);
    expect(numbersOf((await get('status=void')).body)).toEqual([voided.number]);
    expect(numbersOf((await get('type=monthly')).body)).toEqual([notYetDue.number]);
    expect(numbersOf((await get(`issuedSince=${daysFromNow(-40)}&issuedUntil=${daysFromNow(-20)}`)).body)).toEqual([pastDue.number, voided.number]);

    const wrong = await get('status=pending,unpaid');
    expect([wrong.status, Object.keys(wrong.body.error.details)]).toEqual([400, ['status.1']]);
  });

  it('orders by issue date, due date or number, and pages with a cursor without repeating or skipping', async () => {
    const client = await buildClient();
    await getDb().query('INSERT INTO invoice_number_counters (year, last_number) VALUES (2041, 9997)');
    const created = [];
    for (const day of ['2041-03-05', '2041-01-20', '2041-02-11', '2041-04-30']) {
      created.push(await createInvoice({ clientId: client.id, type: 'additional', lines: [line], issueDate: day }));
    }
    expect(created.map((i) => i.number)).toEqual(['INV-2041-9998', 'INV-2041-9999', 'INV-2041-10000', 'INV-2041-10001']);

    const byNumber = await staffApi('GET', `/invoices?client=${client.id}&order=-number`);
    expect(numbersOf(byNumber.body)).toEqual(['INV-2041-10001', 'INV-2041-10000', 'INV-2041-9999', 'INV-2041-9998']);
    const byIssue = await staffApi('GET', `/invoices?client=${client.id}&order=issueDate`);
    expect(byIssue.body.data.map((i: { issueDate: string }) => i.issueDate)).toEqual(['2041-01-20', '2041-02-11', '2041-03-05', '2041-04-30']);
    const byDue = await staffApi('GET', `/invoices?client=${client.id}&order=-dueDate`);
    expect(byDue.body.data.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2041-05-14', '2041-03-19', '2041-02-25', '2041-02-03']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { number: string }[]; nextCursor: string | null } } = await staffApi('GET', `/invoices?client=${client.id}&order=number&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...numbersOf(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['INV-2041-9998', 'INV-2041-9999', 'INV-2041-10000', 'INV-2041-10001']);
  });

  it("leaves the lines out of lists and names each invoice's client", async () => {
    const client = await buildClient({ companyName: 'Wayne Enterprises' });
    await createInvoice({ clientId: client.id, type: 'setup', lines: [line] });
    const list = await staffApi('GET', `/invoices?client=${client.id}`);
    expect(list.body.data[0]).toMatchObject({ clientName: 'Wayne Enterprises', total: '500.00' });
    expect(list.body.data[0].lines).toBeUndefined();
  });
});

describe('the invoice PDF over the API', () => {
  it("serves it to staff and to the invoice's own client, named after the invoice number", async () => {
    const client = await buildClient({ companyName: 'Umbrella Corp', contactName: 'Alice Abernathy', billingEmail: 'ap@umbrella.example', currency: 'GBP' });
    const invoice = await createInvoice({ clientId: client.id, type: 'additional', lines: [{ description: 'Lab data pipeline', quantity: 2, unitAmount: '1250.50' }] });
    const clientToken = await tokenFor(await buildUser({ client }));
    for (const token of [staffToken, clientToken]) {
      const response = await fetch(`${portal.url}/api/v1/invoices/${invoice.id}/pdf`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(`filename="${invoice.number}.pdf"`);
      const { text } = await readPdfText(new Uint8Array(await response.arrayBuffer()));
      for (const expected of [invoice.number, '£2,501.00', 'Total (GBP)', 'Umbrella Corp', 'Alice Abernathy', 'ap@umbrella.example', 'Lab data pipeline']) expect(text).toContain(expected);
    }
  });

  it('answers 401 without credentials and 404 for an unknown invoice', async () => {
    const invoice = await createInvoice({ clientId: (await buildClient()).id, type: 'additional', lines: [line] });
    const anonymous = await fetch(`${portal.url}/api/v1/invoices/${invoice.id}/pdf`);
    expect([anonymous.status, (await anonymous.json()).error.code]).toEqual([401, 'unauthorized']);
    expect((await staffApi('GET', '/invoices/0f8a6c52-51a4-4c1e-9c7c-1d3c8e2f4b10/pdf')).status).toBe(404);
  });
});
