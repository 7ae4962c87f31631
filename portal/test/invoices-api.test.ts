import { AuditLogEntry, Invoice } from '~/models/index.server';
import { createInvoice } from '~/services/invoices.server';
import { buildClient, buildUser } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
let staffApi: ReturnType<typeof apiClient>;
let staffId: string;
beforeAll(async () => {
  portal = await startPortal();
  const staff = await buildUser({ role: 'staff' });
  staffId = staff.id;
  staffApi = apiClient(portal.url, await tokenFor(staff));
});
afterAll(async () => {
  await portal?.stop();
});

const hours = { description: 'Extra development hours', quantity: 3.5, unitAmount: '95.00' };

async function openInvoice(overrides: Partial<Parameters<typeof createInvoice>[0]> = {}) {
  const client = await buildClient();
  return createInvoice({ clientId: client.id, type: 'additional', lines: [hours], issueDate: '2026-03-10', ...overrides });
}

describe('creating invoices', () => {
  it('assigns the next number of the issue year, computes the total in cents and defaults the due date from the payment terms', async () => {
    const client = await buildClient({ companyName: 'Initech', currency: 'USD' });
    const lines = [hours, { description: 'Zapier migration', quantity: 1, unitAmount: '0.10' }, { description: 'Goodwill discount', quantity: 1, unitAmount: '-0.05' }];
    const created = await staffApi('POST', '/invoices', { clientId: client.id, type: 'additional', issueDate: '2037-03-10', lines, notes: 'Thanks!' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 'INV-2037-0001',
      clientId: client.id,
      clientName: 'Initech',
      status: 'pending',
      isOverdue: false,
      currency: 'USD',
      total: '332.55',
      amountDue: '332.55',
      issueDate: '2037-03-10',
      dueDate: '2037-03-24',
      notes: 'Thanks!',
    });
    expect(created.body.lines.map((l: { amount: string }) => l.amount)).toEqual(['332.50', '0.10', '-0.05']);
    const second = await staffApi('POST', '/invoices', { clientId: client.id, type: 'setup', issueDate: '2037-04-01', dueDate: '2037-05-01', lines: [hours] });
    expect([second.body.number, second.body.dueDate]).toEqual(['INV-2037-0002', '2037-05-01']);

    const fetched = await staffApi('GET', `/invoices/${created.body.id}`);
    expect(fetched.body).toEqual(created.body);
    const audit = await AuditLogEntry.findOne({ where: { action: 'invoice.create', targetId: created.body.id } });
    expect(audit).toMatchObject({ actorId: staffId, clientId: client.id });
    expect(audit!.metadata).toMatchObject({ number: 'INV-2037-0001', total: '332.55' });
  });

  it('fills a monthly invoice without lines from the plan, one calendar month at a time', async () => {
    const client = await buildClient({ plan: 'Growth', monthlyFee: '1490.00', billingCycle: 'monthly', currency: 'EUR' });
    const may = await staffApi('POST', '/invoices', { clientId: client.id, type: 'monthly', issueDate: '2038-05-03' });
    expect(may.status).toBe(201);
    expect(may.body.lines).toEqual([{ description: 'Growth plan — monthly fee, 1 May 2038 – 31 May 2038', quantity: 1, unitAmount: '1490.00', amount: '1490.00' }]);
    expect(may.body).toMatchObject({ periodStart: '2038-05-01', periodEnd: '2038-05-31', total: '1490.00', currency: 'EUR' });
    await client.reload();
    expect(client.nextBillingDate).toBe('2038-06-01');

    const again = await staffApi('POST', '/invoices', { clientId: client.id, type: 'monthly', issueDate: '2038-05-20' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(may.body.number);
    const june = await staffApi('POST', '/invoices', { clientId: client.id, type: 'monthly', issueDate: '2038-06-02' });
    expect([june.status, june.body.periodStart, june.body.periodEnd]).toEqual([201, '2038-06-01', '2038-06-30']);
  });

  it('bills a yearly client its yearly fee once a year', async () => {
    const client = await buildClient({ plan: 'Scale', monthlyFee: '12000.00', billingCycle: 'yearly' });
    const first = await staffApi('POST', '/invoices', { clientId: client.id, type: 'monthly', issueDate: '2039-01-15' });
    expect(first.body).toMatchObject({ periodStart: '2039-01-01', periodEnd: '2039-12-31', total: '12000.00' });
    expect(first.body.lines[0].description).toBe('Scale plan — yearly fee, 1 Jan 2039 – 31 Dec 2039');

    expect((await staffApi('POST', '/invoices', { clientId: client.id, type: 'monthly', issueDate: '2039-07-01' })).status).toBe(409);
    expect((await staffApi('POST', `/invoices/${first.body.id}/void`, { reason: 'Plan changed' })).status).toBe(200);
    const rebilled = await staffApi('POST', '/invoices', { clientId: client.id, type: 'monthly', issueDate: '2039-07-01' });
    expect([rebilled.status, rebilled.body.periodStart, rebilled.body.periodEnd]).toEqual([201, '2039-07-01', '2040-06-30']);
  });

  it('bills a period once even when two staff members issue the plan invoice at the same moment', async () => {
    const client = await buildClient({ plan: 'Growth', monthlyFee: '1490.00' });
    const results = await Promise.all(Array.from({ length: 4 }, () => staffApi('POST', '/invoices', { clientId: client.id, type: 'monthly', issueDate: '2038-09-10' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await Invoice.count({ where: { clientId: client.id } })).toBe(1);
  });

  it('refuses invalid invoices with the field that is wrong', async () => {
    const client = await buildClient({ monthlyFee: '0' });
    const cases: [unknown, string][] = [
      [{ clientId: client.id, type: 'additional' }, 'lines'],
      [{ clientId: '6c0a3c3e-8d55-4d0e-9a57-3f1f7a0c9e11', type: 'additional', lines: [hours] }, 'clientId'],
      [{ clientId: client.id, type: 'additional', lines: [hours], issueDate: '2036-03-10', dueDate: '2036-03-01' }, 'dueDate'],
      [{ clientId: client.id, type: 'additional', lines: [{ ...hours, unitAmount: '-95.00' }] }, 'lines'],
      [{ clientId: client.id, type: 'monthly' }, 'lines'],
      [{ clientId: (await buildClient({ monthlyFee: '490.00', currency: 'EUR' })).id, type: 'monthly', currency: 'USD' }, 'currency'],
      [{ clientId: client.id, type: 'additional', lines: [{ ...hours, quantity: 0 }] }, 'lines.0.quantity'],
      [{ clientId: client.id, type: 'additional', lines: [{ ...hours, unitAmount: '12,50' }] }, 'lines.0.unitAmount'],
      [{ clientId: client.id, type: 'additional', lines: [{ ...hours, quantity: 100_000, unitAmount: '9999999999.00' }] }, 'lines'],
    ];
    for (const [body, field] of cases) {
      const result = await staffApi('POST', '/invoices', body);
      expect([result.status, result.body.error.code, Object.keys(result.body.error.details ?? {})]).toEqual([400, 'invalid_input', expect.arrayContaining([field])]);
    }
    expect(await Invoice.count({ where: { clientId: client.id } })).toBe(0);
  });
});

describe('paying, voiding and changing invoices', () => {
  it('records the payment date and method, audits it, and refuses to pay, void or change a paid invoice', async () => {
    const invoice = await openInvoice();
    const paid = await staffApi('POST', `/invoices/${invoice.id}/pay`, { method: 'card', paidAt: '2026-03-15' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paidAt: '2026-03-15T12:00:00.000Z', paymentMethod: 'card', amountDue: '0.00', total: '332.50' });
    const audit = await AuditLogEntry.findOne({ where: { action: 'invoice.pay', targetId: invoice.id } });
    expect(audit!.metadata).toMatchObject({ method: 'card', number: invoice.number });

    for (const [method, path, body] of [
      ['POST', 'pay', { method: 'cash' }],
      ['POST', 'void', {}],
      ['PATCH', '', { notes: 'too late' }],
    ] as const) {
      const refused = await staffApi(method, `/invoices/${invoice.id}${path ? `/${path}` : ''}`, body);
      expect([refused.status, refused.body.error.code]).toEqual([409, 'conflict']);
    }
    await invoice.reload();
    expect([invoice.status, invoice.paymentMethod, invoice.notes]).toEqual(['paid', 'card', '']);
  });

  it('takes the payment time as now by default and refuses one in the future', async () => {
    const invoice = await openInvoice();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await staffApi('POST', `/invoices/${invoice.id}/pay`, { method: 'bank_transfer', paidAt: tomorrow });
    expect([future.status, Object.keys(future.body.error.details)]).toEqual([400, ['paidAt']]);
    const unknownMethod = await staffApi('POST', `/invoices/${invoice.id}/pay`, { method: 'bitcoin' });
    expect([unknownMethod.status, Object.keys(unknownMethod.body.error.details)]).toEqual([400, ['method']]);

    const before = Date.now();
    const paid = await staffApi('POST', `/invoices/${invoice.id}/pay`, { method: 'bank_transfer' });
    const paidAt = Date.parse(paid.body.paidAt);
    expect(paidAt).toBeGreaterThanOrEqual(before - 1000);
    expect(paidAt).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('voids an open invoice with a reason, after which it can be neither paid nor voided again', async () => {
    const invoice = await openInvoice();
    const voided = await staffApi('POST', `/invoices/${invoice.id}/void`, { reason: 'Duplicate of INV-2036-0001' });
    expect(voided.body).toMatchObject({ status: 'void', amountDue: '0.00', paidAt: null });
    expect(voided.body.voidedAt).not.toBeNull();
    const audit = await AuditLogEntry.findOne({ where: { action: 'invoice.void', targetId: invoice.id } });
    expect(audit!.metadata).toMatchObject({ reason: 'Duplicate of INV-2036-0001' });
    expect((await staffApi('POST', `/invoices/${invoice.id}/pay`, { method: 'card' })).status).toBe(409);
    expect((await staffApi('POST', `/invoices/${invoice.id}/void`, {})).status).toBe(409);
  });

  it('lets only one of a simultaneous payment and voiding happen', async () => {
    const invoice = await openInvoice();
    const [paid, voided] = await Promise.all([staffApi('POST', `/invoices/${invoice.id}/pay`, { method: 'card' }), staffApi('POST', `/invoices/${invoice.id}/void`, {})]);
    expect([paid.status, voided.status].sort()).toEqual([200, 409]);
    await invoice.reload();
    expect(invoice.status).toBe(paid.status === 200 ? 'paid' : 'void');
  });

  it('changes the due date, notes and lines of an open invoice and recomputes its total', async () => {
    const invoice = await openInvoice();
    const lines = [{ description: 'Workflow audit', quantity: 2, unitAmount: '450.00' }, hours];
    const changed = await staffApi('PATCH', `/invoices/${invoice.id}`, { lines, notes: 'Revised after review', dueDate: '2026-04-30' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ total: '1232.50', notes: 'Revised after review', dueDate: '2026-04-30', number: invoice.number });
    expect((await staffApi('GET', `/invoices/${invoice.id}`)).body.lines).toHaveLength(2);
    expect(await AuditLogEntry.count({ where: { action: 'invoice.update', targetId: invoice.id } })).toBe(1);

    const early = await staffApi('PATCH', `/invoices/${invoice.id}`, { dueDate: '2026-03-01' });
    expect([early.status, Object.keys(early.body.error.details)]).toEqual([400, ['dueDate']]);
    expect((await staffApi('PATCH', `/invoices/${invoice.id}`, {})).status).toBe(400);
    expect((await staffApi('PATCH', `/invoices/${invoice.id}`, { lines: [] })).status).toBe(400);
  });

  it('takes an overdue invoice back to pending when its due date moves into the future', async () => {
    const invoice = await openInvoice({ issueDate: '2025-01-01' });
    await invoice.update({ status: 'overdue' });
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const changed = await staffApi('PATCH', `/invoices/${invoice.id}`, { dueDate: later });
    expect(changed.body).toMatchObject({ status: 'pending', isOverdue: false, dueDate: later });
  });
});

describe('what a client may do with invoices', () => {
  it('reads only its own invoices and can neither create, change, pay nor void them', async () => {
    const [clientA, clientB] = [await buildClient({ companyName: 'Alpha' }), await buildClient({ companyName: 'Bravo' })];
    const ofA = await createInvoice({ clientId: clientA.id, type: 'additional', lines: [hours] });
    const ofB = await createInvoice({ clientId: clientB.id, type: 'additional', lines: [hours] });
    const api = apiClient(portal.url, await tokenFor(await buildUser({ client: clientA })));

    const list = await api('GET', '/invoices');
    expect(list.body.data.map((i: { id: string }) => i.id)).toEqual([ofA.id]);
    expect(list.body.data[0].clientName).toBe('Alpha');
    expect((await api('GET', `/invoices?client=${clientB.id}`)).body.data).toEqual([]);
    expect((await api('GET', `/invoices/${ofA.id}`)).body.lines).toHaveLength(1);

    const foreign = await api('GET', `/invoices/${ofB.id}`);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'not_found']);
    expect(JSON.stringify(foreign.body)).not.toContain('Bravo');
    expect((await api('GET', `/invoices/${ofB.id}/pdf`)).status).toBe(404);

    expect((await api('POST', '/invoices', { clientId: clientA.id, type: 'additional', lines: [hours] })).status).toBe(403);
    expect((await api('PATCH', `/invoices/${ofA.id}`, { notes: 'mine now' })).status).toBe(403);
    expect((await api('POST', `/invoices/${ofA.id}/pay`, { method: 'card' })).status).toBe(403);
    expect((await api('POST', `/invoices/${ofA.id}/void`, {})).status).toBe(403);
    await ofA.reload();
    expect([ofA.status, ofA.notes]).toEqual(['pending', '']);
  });
});
