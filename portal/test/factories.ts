import { randomUUID } from 'node:crypto';
import { hashPassword } from '~/lib/password.server';
import { Client, ClientMember, N8nInstance, SupportTicket, TicketEvent, User, Workflow } from '~/models/index.server';

// Builders for test data. Each returns a saved row with sensible defaults that a test can override.

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = 'test-password-123';
let testPasswordHash: Promise<string> | undefined;

export async function buildClient(overrides: Partial<Parameters<typeof Client.create>[0]> = {}) {
  const id = next();
  return Client.create({
    slug: `client-${id}`,
    companyName: `Client ${id} Ltd`,
    email: `contact-${id}@client.example`,
    billingEmail: null,
    nextBillingDate: null,
    churnedAt: null,
    ...overrides,
  });
}

export async function buildUser({
  role = 'client',
  client,
  memberRole = 'member',
  ...overrides
}: Partial<Parameters<typeof User.create>[0]> & { client?: Client | null; memberRole?: 'owner' | 'member' } = {}) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const user = await User.create({
    email: `user-${next()}@example.com`,
    role,
    passwordHash: await testPasswordHash,
    totpSecret: null,
    totpEnabledAt: null,
    lastLoginAt: null,
    ...overrides,
  });
  if (client) await ClientMember.create({ userId: user.id, clientId: client.id, role: memberRole });
  return user;
}

export async function buildInstance(overrides: Partial<Parameters<typeof N8nInstance.create>[0]> = {}) {
  const id = next();
  const baseUrl = `https://n8n-${id}.example`;
  return N8nInstance.create({
    name: `n8n ${id}`,
    baseUrl,
    identity: baseUrl,
    apiKeyEncrypted: null,
    apiFlavor: null,
    lastSyncAt: null,
    lastSyncStatus: null,
    lastSyncError: null,
    syncWatermark: null,
    syncState: null,
    ...overrides,
  });
}

export async function buildWorkflow({ instance, client, ...overrides }: Partial<Parameters<typeof Workflow.create>[0]> & { instance?: N8nInstance; client?: Client | null } = {}) {
  const owner = instance ?? (await buildInstance());
  return Workflow.create({
    instanceId: owner.id,
    n8nWorkflowId: randomUUID().replaceAll('-', '').slice(0, 16),
    clientId: client?.id ?? null,
    name: `Workflow ${next()}`,
    expectedIntervalMinutes: null,
    archivedAt: null,
    ...overrides,
  });
}

/** An open ticket of a client, with its "created" history entry, as the service would leave it. */
export async function buildTicket({ client, createdBy = null, ...overrides }: Partial<Parameters<typeof SupportTicket.create>[0]> & { client: Client; createdBy?: User | null }) {
  const ticket = await SupportTicket.create({
    clientId: client.id,
    createdById: createdBy?.id ?? null,
    assigneeId: null,
    workflowId: null,
    subject: `Ticket ${next()}`,
    description: 'Something needs attention.',
    resolvedAt: null,
    ...overrides,
  });
  await TicketEvent.create({ ticketId: ticket.id, actorId: createdBy?.id ?? null, kind: 'created', fromValue: null, toValue: 'open' });
  return ticket;
}
