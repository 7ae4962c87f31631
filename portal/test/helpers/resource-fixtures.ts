import { ExecutionRun, type Client, type User } from '~/models/index.server';
import { issueToken } from '~/services/api-tokens.server';
import { recordRuns } from '~/services/ingest.server';
import { createInvoice } from '~/services/invoices.server';
import { buildInstance, buildWorkflow } from '../factories';

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
};

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
  updateWorkflow: () => ({ minutesSavedPerRun: 4.5, expectedIntervalMinutes: 60 }),
  ingestExecutions: () => ({
    instance: 'https://n8n-matrix.example',
    runs: [{ executionId: `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`, workflowId: 'wf-matrix', status: 'success', startedAt: new Date().toISOString() }],
  }),
  createInvoice: ({ clientA }) => ({ clientId: clientA.id, type: 'additional', lines: [{ description: 'Matrix work', quantity: 2, unitAmount: '95.00' }] }),
  updateInvoice: () => ({ notes: 'Updated by the matrix' }),
  payInvoice: () => ({ method: 'bank_transfer' }),
  voidInvoice: () => ({ reason: 'Issued by mistake' }),
};
