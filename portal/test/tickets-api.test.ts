import type { Client, User } from '~/models/index.server';
import { SupportTicket, TicketComment } from '~/models/index.server';
import { buildClient, buildTicket, buildUser, buildWorkflow } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
let clientA: Client;
let clientB: Client;
let userA: User;
let staff: User;
let asA: ReturnType<typeof apiClient>;
let asB: ReturnType<typeof apiClient>;
let asStaff: ReturnType<typeof apiClient>;

beforeAll(async () => {
  portal = await startPortal();
  clientA = await buildClient({ companyName: 'Acme' });
  clientB = await buildClient({ companyName: 'Birch' });
  userA = await buildUser({ client: clientA, name: 'Alice Acme' });
  const userB = await buildUser({ client: clientB, name: 'Bob Birch' });
  staff = await buildUser({ role: 'staff', name: 'Sam Support' });
  asA = apiClient(portal.url, await tokenFor(userA));
  asB = apiClient(portal.url, await tokenFor(userB));
  asStaff = apiClient(portal.url, await tokenFor(staff));
});
afterAll(async () => {
  await portal?.stop();
});

const newTicket = (overrides: Record<string, unknown> = {}) => ({ subject: 'Invoices stopped syncing', description: 'Nothing arrived in Xero since Monday.', priority: 'high', ...overrides });

describe('opening tickets', () => {
  it('opens a ticket for the caller’s own client, numbered and with a "created" history entry', async () => {
    const created = await asA('POST', '/tickets', newTicket());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ clientId: clientA.id, subject: 'Invoices stopped syncing', priority: 'high', status: 'open', resolvedAt: null, assignee: null });
    expect(created.body.createdBy).toEqual({ id: userA.id, name: 'Alice Acme', role: 'client' });
    expect(created.body.number).toBeGreaterThanOrEqual(1001);
    const detail = await asA('GET', `/tickets/${created.body.id}`);
    expect(detail.body.history).toEqual([expect.objectContaining({ kind: 'created', from: null, to: 'open', actor: expect.objectContaining({ id: userA.id }) })]);
  });

  it('takes the priority as optional (medium) and refuses a blank subject with field details', async () => {
    const plain = await asA('POST', '/tickets', { subject: 'Question', description: 'How do I add a user?' });
    expect([plain.status, plain.body.priority]).toEqual([201, 'medium']);
    const blank = await asA('POST', '/tickets', newTicket({ subject: '   ', priority: 'whenever' }));
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.body.error.details).sort()).toEqual(['priority', 'subject']);
  });

  it('refuses a NUL character, which the database cannot store, instead of saving altered text', async () => {
    const before = await SupportTicket.count();
    const result = await asA('POST', '/tickets', newTicket({ subject: 'broken \u0000 subject' }));
    expect([result.status, result.body.error.details]).toEqual([400, { subject: ['must not contain NUL characters or unpaired UTF-16 surrogates'] }]);
    expect(await SupportTicket.count()).toBe(before);
  });

  it('refuses a client opening a ticket for another client, and staff without a client', async () => {
    const before = await SupportTicket.count();
    const foreign = await asA('POST', '/tickets', newTicket({ clientId: clientB.id }));
    expect([foreign.status, Object.keys(foreign.body.error.details)]).toEqual([400, ['clientId']]);
    const noClient = await asStaff('POST', '/tickets', newTicket());
    expect([noClient.status, noClient.body.error.details]).toEqual([400, { clientId: ['required for staff'] }]);
    expect(await SupportTicket.count()).toBe(before);
    const unknown = await asStaff('POST', '/tickets', newTicket({ clientId: '0b7e8c1a-3f1d-4c1e-9a51-2f6a9d3c7e10' }));
    expect([unknown.status, unknown.body.error.message]).toEqual([404, 'Client not found']);
    const forA = await asStaff('POST', '/tickets', newTicket({ clientId: clientA.id }));
    expect([forA.status, forA.body.clientId, forA.body.createdBy.role]).toEqual([201, clientA.id, 'staff']);
  });

  it('links a workflow only when it belongs to the same client', async () => {
    const mine = await buildWorkflow({ client: clientA, name: 'Invoice OCR' });
    const theirs = await buildWorkflow({ client: clientB });
    const refused = await asA('POST', '/tickets', newTicket({ workflowId: theirs.id }));
    expect([refused.status, Object.keys(refused.body.error.details)]).toEqual([400, ['workflowId']]);
    const linked = await asA('POST', '/tickets', newTicket({ workflowId: mine.id }));
    expect(linked.body.workflow).toEqual({ id: mine.id, name: 'Invoice OCR' });
  });
});

describe('listing tickets', () => {
  let client: Client;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    client = await buildClient();
    const user = await buildUser({ client });
    api = apiClient(portal.url, await tokenFor(user));
    await buildTicket({ client, subject: 'Stock sync missing Rotterdam', priority: 'medium' });
    await buildTicket({ client, subject: 'Slack report twice', priority: 'low', status: 'in_progress', assigneeId: staff.id });
    await buildTicket({ client, subject: 'Old question', priority: 'low', status: 'resolved', resolvedAt: new Date() });
    await buildTicket({ client: clientB, subject: 'Birch only: stock sync' });
  });

  const subjects = (body: { data: { subject: string }[] }) => body.data.map((t) => t.subject).sort();

  it('shows a client only its own tickets, even when it asks for another client', async () => {
    const all = await api('GET', '/tickets');
    expect(subjects(all.body)).toEqual(['Old question', 'Slack report twice', 'Stock sync missing Rotterdam']);
    const other = await api('GET', `/tickets?client=${clientB.id}`);
    expect(other.body.data).toEqual([]);
  });

  it('filters by one or several statuses, priority, assignee and words or number', async () => {
    expect(subjects((await api('GET', '/tickets?status=open,in_progress')).body)).toEqual(['Slack report twice', 'Stock sync missing Rotterdam']);
    expect(subjects((await api('GET', '/tickets?priority=low&status=resolved')).body)).toEqual(['Old question']);
    expect(subjects((await api('GET', '/tickets?assignee=none')).body)).toEqual(['Old question', 'Stock sync missing Rotterdam']);
    expect(subjects((await asStaff('GET', `/tickets?assignee=me&client=${client.id}`)).body)).toEqual(['Slack report twice']);
    expect(subjects((await api('GET', '/tickets?search=stock%20sync')).body)).toEqual(['Stock sync missing Rotterdam']);
    const one = (await api('GET', '/tickets?search=slack')).body.data[0];
    expect(subjects((await api('GET', `/tickets?search=%23${one.number}`)).body)).toEqual(['Slack report twice']);
  });

  it('filters by the automation a ticket is about', async () => {
    const other = await buildClient();
    const workflow = await buildWorkflow({ client: other });
    await buildTicket({ client: other, subject: 'About the feed', workflowId: workflow.id });
    await buildTicket({ client: other, subject: 'About nothing in particular' });
    expect(subjects((await asStaff('GET', `/tickets?workflow=${workflow.id}`)).body)).toEqual(['About the feed']);
  });

  it('lets staff see every client and filter by client', async () => {
    expect(subjects((await asStaff('GET', `/tickets?client=${clientB.id}&search=stock`)).body)).toEqual(['Birch only: stock sync']);
  });

  it('pages with a cursor without repeating or skipping tickets', async () => {
    const all = (await api('GET', '/tickets?limit=250')).body.data.map((t: { number: number }) => t.number).sort((a: number, b: number) => a - b);
    const numbers: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { body: { data: { number: number }[]; nextCursor: string | null } } = await api('GET', `/tickets?limit=2&order=number${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      numbers.push(...page.body.data.map((t) => t.number));
      cursor = page.body.nextCursor;
    }
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(numbers).toEqual(all);
  });

  it('refuses an unknown status with field details', async () => {
    const result = await api('GET', '/tickets?status=open,closed');
    expect([result.status, result.body.error.details]).toEqual([400, { status: ['use one or more of open, in_progress, resolved, separated by commas (unknown: closed)'] }]);
  });
});

describe('conversation and internal notes', () => {
  it('never shows a client the staff’s internal notes, in any response', async () => {
    const ticket = await buildTicket({ client: clientA, createdBy: userA });
    const secretNote = 'INTERNAL: their refresh token was revoked after a password reset';
    const note = await asStaff('POST', `/tickets/${ticket.id}/comments`, { body: secretNote, internal: true });
    expect([note.status, note.body.internal]).toEqual([201, true]);
    const reply = await asStaff('POST', `/tickets/${ticket.id}/comments`, { body: 'We are re-authorising the app now.' });
    expect([reply.status, reply.body.internal, reply.body.author.name]).toEqual([201, false, 'Sam Support']);

    const responses = [
      await asA('GET', `/tickets/${ticket.id}`),
      await asA('GET', '/tickets'),
      await asA('POST', `/tickets/${ticket.id}/comments`, { body: 'Thanks!' }),
      await asA('PATCH', `/tickets/${ticket.id}`, { description: 'Nothing arrived in Xero since Monday, still broken.' }),
      await asA('POST', `/tickets/${ticket.id}/resolve`),
      await asA('POST', `/tickets/${ticket.id}/reopen`),
    ];
    for (const response of responses) {
      expect(response.status).toBeLessThan(300);
      expect(JSON.stringify(response.body)).not.toContain('refresh token');
    }
    const clientView = responses[0]!.body;
    expect(clientView.comments.map((c: { body: string }) => c.body)).toEqual(['We are re-authorising the app now.']);
    const staffView = await asStaff('GET', `/tickets/${ticket.id}`);
    expect(staffView.body.comments.map((c: { body: string; internal: boolean }) => [c.body, c.internal])).toEqual([
      [secretNote, true],
      ['We are re-authorising the app now.', false],
      ['Thanks!', false],
    ]);
  });

  it('refuses an internal note from a client with 403 and stores nothing', async () => {
    const ticket = await buildTicket({ client: clientA, createdBy: userA });
    const result = await asA('POST', `/tickets/${ticket.id}/comments`, { body: 'Psst', internal: true });
    expect([result.status, result.body.error.message]).toEqual([403, 'Only agency staff can write internal notes']);
    expect(await TicketComment.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it('reopens a resolved ticket when the client replies, but not when staff add a note', async () => {
    const ticket = await buildTicket({ client: clientA, createdBy: userA });
    await asStaff('POST', `/tickets/${ticket.id}/resolve`);
    await asStaff('POST', `/tickets/${ticket.id}/comments`, { body: 'Closing note for the team', internal: true });
    expect((await asStaff('GET', `/tickets/${ticket.id}`)).body.status).toBe('resolved');
    await asA('POST', `/tickets/${ticket.id}/comments`, { body: 'It happened again this morning.' });
    const after = await asA('GET', `/tickets/${ticket.id}`);
    expect([after.body.status, after.body.resolvedAt]).toEqual(['open', null]);
    expect(after.body.history.at(-1)).toMatchObject({ kind: 'status', from: 'resolved', to: 'open', actor: { id: userA.id } });
  });

  it('refuses an empty reply', async () => {
    const ticket = await buildTicket({ client: clientA });
    const result = await asA('POST', `/tickets/${ticket.id}/comments`, { body: '  ' });
    expect([result.status, result.body.error.details]).toEqual([400, { body: ['Write a message'] }]);
  });
});

describe('status changes', () => {
  it('walks open → in progress → resolved → open, recording each change, and refuses the rest with 409', async () => {
    const ticket = await buildTicket({ client: clientA, createdBy: userA });
    const path = `/tickets/${ticket.id}`;
    expect((await asStaff('PATCH', path, { status: 'in_progress', priority: 'urgent', assigneeId: staff.id })).body).toMatchObject({ status: 'in_progress', priority: 'urgent', assignee: { id: staff.id } });
    const backwards = await asStaff('PATCH', path, { status: 'open' });
    expect([backwards.status, backwards.body.error.code]).toEqual([409, 'conflict']);
    const resolved = await asStaff('POST', `${path}/resolve`);
    expect([resolved.status, resolved.body.status, typeof resolved.body.resolvedAt]).toEqual([200, 'resolved', 'string']);
    const again = await asStaff('POST', `${path}/resolve`);
    expect([again.status, again.body.error.message]).toEqual([409, 'This ticket is already resolved']);
    expect((await asStaff('PATCH', path, { status: 'in_progress' })).status).toBe(409);
    const reopened = await asStaff('POST', `${path}/reopen`);
    expect([reopened.body.status, reopened.body.resolvedAt]).toEqual(['open', null]);
    expect((await asStaff('POST', `${path}/reopen`)).status).toBe(409);

    const history = (await asA('GET', path)).body.history.map((h: { kind: string; from: string | null; to: string | null }) => [h.kind, h.from, h.to]);
    expect(history).toEqual([
      ['created', null, 'open'],
      ['priority', 'medium', 'urgent'],
      ['assignee', null, 'Sam Support'],
      ['status', 'open', 'in_progress'],
      ['status', 'in_progress', 'resolved'],
      ['status', 'resolved', 'open'],
    ]);
  });

  it('keeps a refused change from saving any part of the request', async () => {
    const ticket = await buildTicket({ client: clientA, status: 'resolved', resolvedAt: new Date() });
    expect((await asStaff('PATCH', `/tickets/${ticket.id}`, { priority: 'urgent', status: 'in_progress' })).status).toBe(409);
    await ticket.reload();
    expect([ticket.priority, ticket.status]).toEqual(['medium', 'resolved']);
  });

  it('assigns tickets only to active staff users', async () => {
    const ticket = await buildTicket({ client: clientA });
    const result = await asStaff('PATCH', `/tickets/${ticket.id}`, { assigneeId: userA.id });
    expect([result.status, Object.keys(result.body.error.details)]).toEqual([400, ['assigneeId']]);
  });

  it('lets a client resolve its own ticket and edit only subject and description while it is open', async () => {
    const ticket = await buildTicket({ client: clientA, createdBy: userA });
    const path = `/tickets/${ticket.id}`;
    expect((await asA('PATCH', path, { subject: 'Xero sync stopped' })).body.subject).toBe('Xero sync stopped');
    const status = await asA('PATCH', path, { status: 'in_progress' });
    expect([status.status, status.body.error.code]).toEqual([403, 'forbidden']);
    expect((await asA('PATCH', path, { priority: 'urgent' })).status).toBe(403);
    await asStaff('PATCH', path, { status: 'in_progress' });
    const late = await asA('PATCH', path, { subject: 'Changed my mind' });
    expect([late.status, late.body.error.code]).toEqual([409, 'conflict']);
    const resolved = await asA('POST', `${path}/resolve`);
    expect([resolved.status, resolved.body.status]).toEqual([200, 'resolved']);
  });
});

describe('tickets of another client', () => {
  it('answers 404 to every route and changes nothing', async () => {
    const ticket = await buildTicket({ client: clientA, createdBy: userA, subject: 'Acme private matter' });
    const path = `/tickets/${ticket.id}`;
    const results = [
      await asB('GET', path),
      await asB('PATCH', path, { subject: 'Hijacked' }),
      await asB('POST', `${path}/comments`, { body: 'Hello from Birch' }),
      await asB('POST', `${path}/resolve`),
      await asB('POST', `${path}/reopen`),
    ];
    for (const result of results) {
      expect([result.status, result.body.error.code]).toEqual([404, 'not_found']);
      expect(JSON.stringify(result.body)).not.toContain('Acme private matter');
    }
    await ticket.reload();
    expect([ticket.subject, ticket.status]).toEqual(['Acme private matter', 'open']);
    expect(await TicketComment.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it('needs the write scope to reply', async () => {
    const ticket = await buildTicket({ client: clientA });
    const readOnly = apiClient(portal.url, await tokenFor(userA, ['read']));
    expect((await readOnly('GET', `/tickets/${ticket.id}`)).status).toBe(200);
    expect((await readOnly('POST', `/tickets/${ticket.id}/comments`, { body: 'hi' })).status).toBe(403);
  });
});
