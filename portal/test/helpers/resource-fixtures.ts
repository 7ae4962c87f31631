import { randomUUID } from 'node:crypto';
import { ExecutionRun, SyncRun, WebhookSubscription, type Client, type User } from '~/models/index.server';
import { issueToken } from '~/services/api-tokens.server';
import { recordRuns } from '~/services/ingest.server';
import { createInvoice } from '~/services/invoices.server';
import { createCredential } from '~/services/credentials.server';
import { sealSecret } from '~/services/secrets.server';
import { buildInstance, buildTicket, buildUser, buildWorkflow } from '../factories';
import { buildDeadJob } from './jobs';

/**
 * For the authorization matrix: given client A, client B and their users, each `resource` named by a
 * route's `{id}` yields the id of a record that belongs to A and one that belongs to B (for staff-only
 * records, two records). Every resource used in the route table must be here; add yours with your routes.
 */
export type MatrixWorld = { clientA: Client; clientB: Client; userA: User; userB: User; staff: User };
export type ResourceFixture = (world: MatrixWorld) => Promise<{ ofA: string; ofB: string }>;

export const RESOURCE_FIXTURES: Record<string, ResourceFixture> = {
  client: async ({ clientA, clientB }) => ({ ofA: clientA.id, ofB: clientB.id }),
  token: async ({ userA, userB }) => ({
    ofA: (await issueToken({ user: userA, name: 'matrix', scopes: ['read'] })).apiToken.id,
    ofB: (await issueToken({ user: userB, name: 'matrix', scopes: ['read'] })).apiToken.id,
  }),
  user: async ({ clientA, clientB }) => ({ ofA: (await buildUser({ client: clientA })).id, ofB: (await buildUser({ client: clientB })).id }),
  webhook: async ({ clientA, clientB }) => ({ ofA: (await buildSubscription(clientA)).id, ofB: (await buildSubscription(clientB)).id }),
  // a closed local port: a connection test fails at once instead of waiting for a timeout
  n8nInstance: async () => ({
    ofA: (await buildInstance({ baseUrl: 'http://127.0.0.1:9', apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: 'n8n-key-a' }) })).id,
    ofB: (await buildInstance({ baseUrl: 'http://127.0.0.1:9', apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: 'n8n-key-b' }) })).id,
  }),
  workflow: async ({ clientA, clientB }) => ({ ofA: (await buildWorkflow({ client: clientA })).id, ofB: (await buildWorkflow({ client: clientB })).id }),
  execution: async ({ clientA, clientB }) => ({ ofA: await buildRun(clientA), ofB: await buildRun(clientB) }),
  // open (pending) invoices, so pay, void and update succeed for staff
  invoice: async ({ clientA, clientB }) => {
    const line = { description: 'Matrix retainer', quantity: 1, unitAmount: '100.00' };
    return {
      ofA: (await createInvoice({ clientId: clientA.id, type: 'additional', lines: [line] })).id,
      ofB: (await createInvoice({ clientId: clientB.id, type: 'additional', lines: [line] })).id,
    };
  },
  ticket: async ({ clientA, clientB, userA, userB }) => ({
    ofA: (await buildTicket({ client: clientA, createdBy: userA })).id,
    ofB: (await buildTicket({ client: clientB, createdBy: userB })).id,
  }),
  credential: async ({ clientA, clientB }) => {
    const credentialOf = async (clientId: string) => (await createCredential({ clientId, serviceName: 'Matrix API', credentialType: 'api_key', fields: { apiKey: `matrix-secret-${clientId}` } })).id;
    return { ofA: await credentialOf(clientA.id), ofB: await credentialOf(clientB.id) };
  },
  // staff-only records: two of each
  syncRun: async () => {
    const run = async () => (await SyncRun.create({ instanceId: (await buildInstance()).id, trigger: 'cli', status: 'ok', finishedAt: new Date(), error: null })).id;
    return { ofA: await run(), ofB: await run() };
  },
  job: async () => ({ ofA: await buildDeadJob({ queue: 'email', data: { emailId: randomUUID() } }), ofB: await buildDeadJob({ queue: 'email', data: { emailId: randomUUID() } }) }),
};

function buildSubscription(client: Client) {
  return WebhookSubscription.create({
    targetUrl: `https://hooks.example/${client.slug}`,
    events: ['ticket.created'],
    secretEncrypted: sealSecret({ kind: 'webhookSecret', plaintext: `whsec_${client.slug}` }),
    clientId: client.id,
    createdById: null,
  });
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** One run of a new workflow of the client; returns the run's id. */
async function buildRun(client: Client): Promise<string> {
  const instance = await buildInstance();
  const workflow = await buildWorkflow({ instance, client });
  await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ executionId: '1', workflowId: workflow.n8nWorkflowId, status: 'success', startedAt: new Date().toISOString() }] });
  return (await ExecutionRun.findOne({ where: { workflowId: workflow.id }, attributes: ['id'] }))!.id;
}

/**
 * A valid request body for each write route (by route id), so the matrix can tell "refused" from "invalid".
 * `ids` holds the fixture ids of the route's resource when it has one.
 */
export type BodyExample = (world: MatrixWorld, ids: { ofA: string; ofB: string } | null) => unknown;

export const BODY_EXAMPLES: Record<string, BodyExample> = {
  createSessionToken: ({ userA }) => ({ email: userA.email, password: 'test-password-123' }),
  createToken: () => ({ name: 'matrix token', scopes: ['read'] }),
  createClient: () => ({ slug: `matrix-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, companyName: 'Matrix Ltd', email: 'ops@matrix.example' }),
  updateClient: () => ({ phone: '+1 555 0100' }),
  createUser: ({ clientA }) => ({ email: `matrix-${unique()}@a.example`, name: 'Matrix User', role: 'client', clientId: clientA.id, password: 'a-long-matrix-password' }),
  updateUser: () => ({ name: 'Renamed Matrix User' }),
  setUserPassword: () => ({ password: 'another-matrix-password' }),
  updateSettings: () => ({ companyName: 'Matrix Agency' }),
  createWebhook: () => ({ targetUrl: 'https://hooks.example/matrix', events: ['ticket.created', 'invoice.paid'] }),
  updateWebhook: () => ({ description: 'Matrix hook' }),
  createN8nInstance: () => ({ name: `n8n ${unique()}`, baseUrl: `https://n8n-${unique()}.example`, apiKey: 'n8n_api_matrix_key' }),
  updateN8nInstance: () => ({ name: `n8n ${unique()}` }),
  updateWorkflow: () => ({ minutesSavedPerRun: 4.5, expectedIntervalMinutes: 60 }),
  ingestExecutions: () => ({
    instance: 'https://n8n-matrix.example',
    runs: [{ executionId: `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`, workflowId: 'wf-matrix', status: 'success', startedAt: new Date().toISOString() }],
  }),
  createInvoice: ({ clientA }) => ({ clientId: clientA.id, type: 'additional', lines: [{ description: 'Matrix work', quantity: 2, unitAmount: '95.00' }] }),
  updateInvoice: () => ({ notes: 'Updated by the matrix' }),
  payInvoice: () => ({ method: 'bank_transfer' }),
  voidInvoice: () => ({ reason: 'Issued by mistake' }),
  // a client user may give its own client's id; staff must give one (so client B is refused with 400)
  createTicket: ({ clientA }) => ({ subject: 'Matrix ticket', description: 'Opened by the matrix', priority: 'low', clientId: clientA.id }),
  updateTicket: () => ({ subject: 'Matrix ticket, edited' }),
  createTicketComment: () => ({ body: 'A reply from the matrix' }),
  createCredential: ({ clientA }) => ({ serviceName: 'Matrix API', credentialType: 'api_key', fields: { apiKey: 'matrix-secret-value-1234' }, clientId: clientA.id }),
  updateCredential: () => ({ notes: 'Checked by the matrix' }),
  revealCredential: () => ({ password: 'test-password-123' }),
};

/** Query parameters for a route whose query has required parameters (by route id); most need none. */
export const QUERY_EXAMPLES: Record<string, Record<string, string>> = {};
