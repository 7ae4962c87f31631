import { randomBytes } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { resetConfig } from '../../portal/app/lib/config.server';
import { migrate } from '../../portal/app/lib/migrate.server';
import { hashPassword } from '../../portal/app/lib/password.server';
import { Client, ClientMember, closeDb, getDb, N8nInstance, User } from '../../portal/app/models/index.server';
import { issueToken } from '../../portal/app/services/api-tokens.server';

// The agency a benchmark works on: clients, their workflows on one n8n instance, a staff user and a client
// user with tokens. Created through the portal's own models and services in this process.

export const PASSWORD = 'bench-password-0123';

export type World = {
  instance: { id: string; identity: string };
  clients: string[];
  workflows: { id: string; n8nId: string; clientId: string }[];
  staff: { email: string; token: string };
  client: { email: string; token: string; clientId: string };
};

/** Points this process's models at `url` and migrates it (as the portal does on start). */
export async function useDatabase(url: string) {
  await closeDb();
  process.env.DATABASE_URL = url;
  resetConfig();
  await migrate({ sequelize: getDb(), databaseUrl: url });
}

export async function createWorld({ clients, workflowsPerClient, instanceUrl = 'https://n8n.bench.example' }: { clients: number; workflowsPerClient: number; instanceUrl?: string }): Promise<World> {
  const instance = await N8nInstance.create({
    name: 'bench n8n',
    baseUrl: instanceUrl,
    identity: instanceUrl,
    apiKeyEncrypted: null,
    apiFlavor: null,
    lastSyncAt: null,
    lastSyncStatus: null,
    lastSyncError: null,
    syncWatermark: null,
    syncState: null,
  });
  const clientRows = await Client.bulkCreate(
    Array.from({ length: clients }, (_, i) => ({ slug: `client-${i}`, companyName: `Client ${i} Ltd`, email: `client-${i}@bench.example`, billingEmail: null, nextBillingDate: null, churnedAt: null })),
  );
  const clientIds = clientRows.map((c) => c.id);
  const workflows = await getDb().query<{ id: string; n8n_workflow_id: string; client_id: string }>(
    `INSERT INTO workflows (instance_id, n8n_workflow_id, client_id, name, active, minutes_saved_per_run)
     SELECT $1, 'wf' || lpad(i::text, 5, '0'), ($2::uuid[])[1 + i % $3], 'Workflow ' || i, true, 2.5
     FROM generate_series(0, $4 - 1) AS i
     RETURNING id, n8n_workflow_id, client_id`,
    { bind: [instance.id, clientIds, clientIds.length, clients * workflowsPerClient], type: QueryTypes.SELECT },
  );
  const passwordHash = await hashPassword(PASSWORD);
  const staffUser = await User.create({ email: 'staff@bench.example', role: 'staff', passwordHash, totpSecret: null, totpEnabledAt: null, lastLoginAt: null });
  const clientUser = await User.create({ email: 'owner@client-0.bench.example', role: 'client', passwordHash, totpSecret: null, totpEnabledAt: null, lastLoginAt: null });
  await ClientMember.create({ userId: clientUser.id, clientId: clientIds[0]!, role: 'owner' });
  return {
    instance: { id: instance.id, identity: instance.identity },
    clients: clientIds,
    workflows: workflows.map((w) => ({ id: w.id, n8nId: w.n8n_workflow_id, clientId: w.client_id })).sort((a, b) => (a.n8nId < b.n8nId ? -1 : 1)),
    staff: { email: staffUser.email, token: (await issueToken({ user: staffUser, name: 'bench', scopes: ['ingest', 'read', 'write'] })).token },
    client: { email: clientUser.email, token: (await issueToken({ user: clientUser, name: 'bench', scopes: ['read'] })).token, clientId: clientIds[0]! },
  };
}

/** Signs in through the real sign-in form; returns the session cookie. */
export async function signIn({ url, email }: { url: string; email: string }): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: PASSWORD }),
    headers: { Origin: url }, // the portal's PUBLIC_URL
    redirect: 'manual',
  });
  const cookie = response.headers.getSetCookie()[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${email} failed: HTTP ${response.status}`);
  return cookie.split(';')[0]!;
}

export function randomSuffix() {
  return randomBytes(4).toString('hex');
}
