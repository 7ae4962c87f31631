// Invoice and Client operations of the Monoliet node against the real portal.
import type { Client } from '~/models/index.server';
import { Monoliet } from '../../../nodes/Monoliet/Monoliet.node';
import { buildClient, buildUser } from '../factories';
import { tokenFor } from '../helpers/api';
import { startPortal, type PortalProcess } from '../helpers/portal-process';
import { testCredential } from '../../../test/nodes/helpers/test-credential';
import { credentialFor, loadOptionsContext, locator, PORTAL_START_MS, runNode, SETUP_TIMEOUT_MS } from './node-runner';

let portal: PortalProcess;
let client: Client;
let asClient: { url: string; token: string };
let asStaff: { url: string; token: string };

beforeAll(async () => {
  portal = await startPortal({ timeoutMs: PORTAL_START_MS });
  client = await buildClient({ companyName: 'Bakkerij Jansen', plan: 'Growth', monthlyFee: '490.00', currency: 'EUR' });
  asClient = { url: portal.url, token: await tokenFor(await buildUser({ client }), ['read', 'write']) };
  asStaff = { url: portal.url, token: await tokenFor(await buildUser({ role: 'staff' }), ['read', 'write']) };
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await portal?.stop();
});

const createInvoice = (parameters: Record<string, unknown>) => ({ resource: 'invoice', operation: 'create', clientId: locator('list', client.id), additionalFields: {}, ...parameters });

describe('Monoliet node → Invoice and Client, against the real portal', () => {
  it('creates invoices from fields and from the plan, finds the overdue one, and marks it paid', async () => {
    const [extra] = await runNode(asStaff, {
      parameters: createInvoice({
        type: 'additional',
        linesInput: 'fields',
        lines: { line: [{ description: 'Extra hours', quantity: 2.5, unitAmount: 80 }, { description: 'Discount', quantity: 1, unitAmount: -20 }] },
        additionalFields: { issueDate: '2024-10-01T00:00:00', dueDate: '2024-10-15T00:00:00', notes: 'Thanks!' },
      }),
    });
    expect(extra.json).toMatchObject({ number: expect.stringMatching(/^INV-2024-\d{4}$/), total: '180.00', status: 'pending', isOverdue: true, dueDate: '2024-10-15', notes: 'Thanks!' });
    const [monthly] = await runNode(asStaff, {
      parameters: createInvoice({ type: 'monthly', linesInput: 'plan', additionalFields: { issueDate: '2038-05-01', periodStart: '2038-05-01', periodEnd: '2038-05-31' } }),
    });
    expect(monthly.json).toMatchObject({ total: '490.00', lines: [expect.objectContaining({ unitAmount: '490.00' })] });

    const overdue = await runNode(asClient, { parameters: { resource: 'invoice', operation: 'getAll', returnAll: true, filters: { overdue: true }, options: {} } });
    expect(overdue.map((item) => item.json.id)).toEqual([extra.json.id]);

    const [paid] = await runNode(asStaff, {
      parameters: { resource: 'invoice', operation: 'markPaid', invoiceId: locator('url', `${portal.url}/invoices/${extra.json.id}`), method: 'bank_transfer', options: { paidAt: '2024-10-20T09:00:00' } },
    });
    expect(paid.json).toMatchObject({ status: 'paid', amountDue: '0.00', paymentMethod: 'bank_transfer', paidAt: '2024-10-20T09:00:00.000Z' });
    const [fetched] = await runNode(asClient, { parameters: { resource: 'invoice', operation: 'get', invoiceId: locator('id', extra.json.id as string) } });
    expect(fetched.json).toMatchObject({ status: 'paid', lines: [expect.objectContaining({ description: 'Extra hours', amount: '200.00' }), expect.objectContaining({ amount: '-20.00' })] });
    await expect(runNode(asStaff, { parameters: { resource: 'invoice', operation: 'markPaid', invoiceId: locator('id', extra.json.id as string), method: 'card', options: {} } })).rejects.toMatchObject({ httpCode: '409' });

    const { results } = await new Monoliet().methods.listSearch.searchInvoices.call(loadOptionsContext(asStaff), String(monthly.json.number));
    expect(results.map((r) => r.value)).toEqual([monthly.json.id]);
  });

  it('refuses invoice creation to a client token with the portal’s message', async () => {
    const output = await runNode(asClient, {
      parameters: createInvoice({ type: 'additional', linesInput: 'fields', lines: { line: [{ description: 'x', quantity: 1, unitAmount: 1 }] } }),
      continueOnFail: true,
    });
    expect(output).toEqual([{ json: { error: expect.any(String) }, pairedItem: { item: 0 } }]);
    const denied = runNode(asClient, { parameters: createInvoice({ type: 'additional', linesInput: 'fields', lines: { line: [{ description: 'x', quantity: 1, unitAmount: 1 }] } }) });
    await expect(denied).rejects.toMatchObject({ httpCode: '403', message: output[0].json.error });
  });

  it("gets the token's own client, and staff find and get clients", async () => {
    const [me] = await runNode(asClient, { parameters: { resource: 'client', operation: 'getMe' } });
    expect(me.json).toMatchObject({ id: client.id, companyName: 'Bakkerij Jansen', plan: 'Growth' });
    expect(me.json).not.toHaveProperty('notes');
    await expect(runNode(asStaff, { parameters: { resource: 'client', operation: 'getMe' } })).rejects.toMatchObject({ httpCode: '404', message: 'Staff users do not belong to a client' });

    await buildClient({ companyName: 'Bakkerij Smit', status: 'churned' });
    const found = await runNode(asStaff, { parameters: { resource: 'client', operation: 'getAll', returnAll: false, limit: 10, filters: { search: 'bakkerij', status: 'active' }, options: {} } });
    expect(found.map((item) => item.json.companyName)).toEqual(['Bakkerij Jansen']);
    const [got] = await runNode(asStaff, { parameters: { resource: 'client', operation: 'get', clientId: locator('id', client.id) } });
    expect(got.json).toMatchObject({ id: client.id, notes: expect.any(String) });
    const { results } = await new Monoliet().methods.listSearch.searchClients.call(loadOptionsContext(asStaff), 'jansen');
    expect(results).toEqual([{ name: 'Bakkerij Jansen', value: client.id }]);
  });

  it("passes the credential's Test with a real token, whatever trailing slashes the URL has, and fails it for a revoked one", async () => {
    const ok = await testCredential(credentialFor({ ...asClient, url: `${portal.url}//` }));
    expect(ok).toMatchObject({ statusCode: 200, body: { client: { id: client.id } } });
    const revoked = await testCredential(credentialFor({ ...asClient, token: 'mlt_0000000000000000000000000000000000' }));
    expect(revoked).toMatchObject({ statusCode: 401, body: { error: { message: expect.any(String) } } });
  });
});
