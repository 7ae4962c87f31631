// Ticket operations of the Monoliet node against the real portal: create, find, update, converse, resolve.
import type { Client, User } from '~/models/index.server';
import { Monoliet } from '../../../nodes/Monoliet/Monoliet.node';
import { buildClient, buildUser, buildWorkflow } from '../factories';
import { tokenFor } from '../helpers/api';
import { startPortal, type PortalProcess } from '../helpers/portal-process';
import { loadOptionsContext, locator, PORTAL_START_MS, runNode, SETUP_TIMEOUT_MS } from './node-runner';

let portal: PortalProcess;
let client: Client;
let staff: User;
let asClient: { url: string; token: string };
let asStaff: { url: string; token: string };

beforeAll(async () => {
  portal = await startPortal({ timeoutMs: PORTAL_START_MS });
  client = await buildClient({ companyName: 'Acme' });
  const member = await buildUser({ client, name: 'Alice Acme' });
  staff = await buildUser({ role: 'staff', name: 'Sam Support' });
  asClient = { url: portal.url, token: await tokenFor(member, ['read', 'write']) };
  asStaff = { url: portal.url, token: await tokenFor(staff, ['read', 'write']) };
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await portal?.stop();
});

const form = [
  { json: { subject: 'Export stopped', details: 'The nightly export did not arrive', urgent: true } },
  { json: { subject: 'New user', details: 'Please add Jan to the portal', urgent: false } },
];

describe('Monoliet node → Ticket, against the real portal', () => {
  it('opens tickets from form items, then a client and staff work them to resolved', async () => {
    const workflow = await buildWorkflow({ client, name: 'Nightly export' });
    const created = await runNode(asClient, {
      parameters: {
        resource: 'ticket',
        operation: 'create',
        subject: (i: number) => form[i].json.subject,
        description: (i: number) => form[i].json.details,
        priority: (i: number) => (form[i].json.urgent ? 'urgent' : 'medium'),
        additionalFields: (i: number) => (i === 0 ? { workflowId: workflow.id } : {}),
      },
      items: form,
    });
    expect(created.map((item) => [item.json.subject, item.json.priority, item.json.status, item.json.clientId, item.pairedItem])).toEqual([
      ['Export stopped', 'urgent', 'open', client.id, { item: 0 }],
      ['New user', 'medium', 'open', client.id, { item: 1 }],
    ]);
    expect(created[0].json.workflow).toEqual({ id: workflow.id, name: 'Nightly export' });
    const ticketId = created[0].json.id as string;

    // staff find it among the client's open urgent tickets and take it on
    const found = await runNode(asStaff, {
      parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, filters: { clientId: client.id, status: ['open'], priority: ['urgent'], search: 'export' }, options: {} },
    });
    expect(found.map((item) => item.json.id)).toEqual([ticketId]);
    const updated = await runNode(asStaff, {
      parameters: { resource: 'ticket', operation: 'update', ticketId: locator('list', ticketId), updateFields: { status: 'in_progress', assigneeId: staff.id } },
    });
    expect(updated[0].json).toMatchObject({ status: 'in_progress', assignee: { id: staff.id, name: 'Sam Support', role: 'staff' } });

    // a reply for the client and an internal note it never sees
    await runNode(asStaff, { parameters: { resource: 'ticket', operation: 'addComment', ticketId: locator('id', ticketId), body: 'We restarted the export.', options: {} } });
    const note = await runNode(asStaff, {
      parameters: { resource: 'ticket', operation: 'addComment', ticketId: locator('id', ticketId), body: 'API key expired; renewed.', options: { internal: true } },
    });
    expect(note[0].json).toMatchObject({ internal: true, body: 'API key expired; renewed.', author: { id: staff.id } });

    const seenByClient = await runNode(asClient, { parameters: { resource: 'ticket', operation: 'get', ticketId: locator('url', `${portal.url}/tickets/${ticketId}`) } });
    expect((seenByClient[0].json.comments as Array<{ body: string }>).map((c) => c.body)).toEqual(['We restarted the export.']);
    const seenByStaff = await runNode(asStaff, { parameters: { resource: 'ticket', operation: 'get', ticketId: locator('id', ticketId) } });
    expect((seenByStaff[0].json.comments as Array<{ body: string }>).map((c) => c.body)).toEqual(['We restarted the export.', 'API key expired; renewed.']);

    // the client resolves it; resolving again is refused with the portal's message
    const resolved = await runNode(asClient, { parameters: { resource: 'ticket', operation: 'resolve', ticketId: locator('id', ticketId) } });
    expect(resolved[0].json).toMatchObject({ id: ticketId, status: 'resolved', resolvedAt: expect.any(String) });
    const history = await runNode(asClient, { parameters: { resource: 'ticket', operation: 'get', ticketId: locator('id', ticketId) } });
    expect((history[0].json.history as Array<{ kind: string; to: string | null }>).filter((h) => h.kind === 'status').map((h) => h.to)).toEqual(['in_progress', 'resolved']);
    await expect(runNode(asClient, { parameters: { resource: 'ticket', operation: 'resolve', ticketId: locator('id', ticketId) } })).rejects.toMatchObject({
      httpCode: '409',
      message: expect.stringMatching(/resolved/i),
    });
  });

  it("refuses what the portal refuses, with its message: a client's internal note, another client's ticket", async () => {
    const [ticket] = await runNode(asClient, { parameters: { resource: 'ticket', operation: 'create', subject: 'Question', description: 'How do I add a user?', priority: 'low', additionalFields: {} } });
    const note = runNode(asClient, { parameters: { resource: 'ticket', operation: 'addComment', ticketId: locator('id', ticket.json.id as string), body: 'psst', options: { internal: true } } });
    await expect(note).rejects.toMatchObject({ httpCode: '403', message: 'Only agency staff can write internal notes' });

    const other = await buildUser({ client: await buildClient({ companyName: 'Birch' }) });
    const asOther = { url: portal.url, token: await tokenFor(other, ['read']) };
    const output = await runNode(asOther, { parameters: { resource: 'ticket', operation: 'get', ticketId: locator('id', ticket.json.id as string) }, continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'Ticket not found' }, pairedItem: { item: 0 } }]);
  });

  it('finds a ticket by its number in the resource locator list', async () => {
    const [ticket] = await runNode(asClient, { parameters: { resource: 'ticket', operation: 'create', subject: 'Find me', description: 'By number', priority: 'low', additionalFields: {} } });
    const { results } = await new Monoliet().methods.listSearch.searchTickets.call(loadOptionsContext(asStaff), `#${ticket.json.number}`);
    expect(results).toEqual([{ name: `#${ticket.json.number} Find me`, value: ticket.json.id, url: `${portal.url}/tickets/${ticket.json.id}` }]);
  });
});
