import { randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { getConfig } from '~/lib/config.server';
import { Alert, Client, getDb, Invoice, N8nInstance, PortalSettings, User, Workflow } from '~/models/index.server';
import { createCredential } from '../credentials.server';
import { planInvoiceFor } from '../invoice-plan';
import { addDays, createInvoice } from '../invoices.server';
import { rebuildAllRollups } from '../rollups.server';
import { createUser, findUserByEmail } from '../users.server';
import { DEMO_CLIENT, DEMO_STAFF, SAMPLE_CLIENTS, SAMPLE_WORKFLOWS } from './catalog';
import { generateRuns, seededRandom, type SampleRun } from './runs';
import { loadSampleTickets } from './tickets.server';

export type SampleDataProgress = { step: string; done: number; total: number };
export type SampleDataResult = { created: boolean; clients: number; workflows: number; runs: number; invoices: number };

const DAYS = 90;
const RUN_CHUNK = 10_000;

/** Loads the demo agency. Does nothing when it is already there (the first sample client exists). */
export async function loadSampleData({ now = new Date(), onProgress }: { now?: Date; onProgress?: (p: SampleDataProgress) => void } = {}): Promise<SampleDataResult> {
  if (await Client.findOne({ where: { slug: SAMPLE_CLIENTS[0]!.slug } })) {
    return { created: false, clients: 0, workflows: 0, runs: 0, invoices: 0 };
  }
  // all or nothing: a failed load leaves no half-made demo behind
  return getDb().transaction(async (t) => {
    const random = seededRandom(7);
    await PortalSettings.update(
      { companyName: 'Brightloop Automation', supportEmail: 'support@brightloop.example', alertRecipients: ['alerts@brightloop.example'] },
      { where: { id: 1 }, transaction: t },
    );
    if (!(await findUserByEmail(DEMO_STAFF.email, t))) await createUser({ ...DEMO_STAFF, role: 'staff' }, t);
    await createUser({ email: 'lena@brightloop.example', name: 'Lena Okafor', password: DEMO_STAFF.password, role: 'staff' }, t);

    const clients = await createClients({ now, t });
    onProgress?.({ step: 'clients', done: clients.size, total: clients.size });
    const instance = await findOrCreateDemoInstance(t);
    const workflows = await createWorkflows({ instance, clients, random, t });
    const runs = generateRuns({ workflows: SAMPLE_WORKFLOWS, days: DAYS, now });
    await insertRuns({ instanceId: instance.id, workflowIds: workflows.map((w) => w.id), runs, onProgress, t });
    await rebuildAllRollups(t);
    await openSampleAlerts({ workflows, runs, now, t });
    const invoices = await createSampleInvoices({ clients, now, t });
    const staff = (await User.findOne({ where: { email: DEMO_STAFF.email }, transaction: t }))!;
    await loadSampleTickets({ clients, workflows, staff, now, t });
    await createSampleCredentials({ clients, t });
    onProgress?.({ step: 'done', done: 1, total: 1 });
    return { created: true, clients: clients.size, workflows: workflows.length, runs: runs.length, invoices };
  });
}

async function createClients({ now, t }: { now: Date; t: Transaction }) {
  const clients = new Map<string, Client>();
  for (const sample of SAMPLE_CLIENTS) {
    const client = await Client.create({
      slug: sample.slug,
      companyName: sample.companyName,
      contactName: sample.contactName,
      email: sample.email,
      billingEmail: `billing@${sample.email.split('@')[1]}`,
      phone: sample.phone,
      status: sample.status,
      plan: sample.plan,
      setupFee: sample.setupFee,
      monthlyFee: sample.monthlyFee,
      billingCycle: sample.billingCycle,
      currency: 'EUR',
      nextBillingDate: sample.status === 'active' ? firstOfNextMonth(now) : null,
      churnedAt: sample.status === 'churned' ? new Date(now.getTime() - 20 * 86_400_000) : null,
      createdAt: new Date(now.getTime() - sample.joinedDaysAgo * 86_400_000),
    }, { transaction: t });
    clients.set(sample.slug, client);
    for (const person of sample.users) {
      await createUser({ email: person.email, name: person.name, password: DEMO_CLIENT.password, role: 'client', clientId: client.id, memberRole: person.owner ? 'owner' : 'member' }, t);
    }
  }
  return clients;
}

async function findOrCreateDemoInstance(t: Transaction) {
  const baseUrl = getConfig().n8nUrl ?? 'https://n8n.brightloop.example';
  const identity = baseUrl.replace(/\/+$/, '');
  const [instance] = await N8nInstance.findOrCreate({
    where: { identity },
    defaults: { name: 'Production n8n', baseUrl: identity, identity, apiKeyEncrypted: null, apiFlavor: null, lastSyncAt: null, lastSyncStatus: null, lastSyncError: null, syncWatermark: null, syncState: null },
    transaction: t,
  });
  return instance;
}

async function createWorkflows({ instance, clients, random, t }: { instance: N8nInstance; clients: Map<string, Client>; random: () => number; t: Transaction }) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const n8nId = () => Array.from({ length: 16 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const workflows: Workflow[] = [];
  for (const sample of SAMPLE_WORKFLOWS) {
    const client = sample.client ? clients.get(sample.client)! : null;
    const running = client ? client.status === 'active' : true;
    workflows.push(
      await Workflow.create({
        instanceId: instance.id,
        n8nWorkflowId: n8nId(),
        clientId: client?.id ?? null,
        name: sample.name,
        active: running,
        status: running ? 'active' : 'paused',
        minutesSavedPerRun: String(sample.minutesSaved),
        expectedIntervalMinutes: sample.intervalMinutes,
        tags: client ? [`client:${client.slug}`] : [],
        archivedAt: null,
      }, { transaction: t }),
    );
  }
  return workflows;
}

async function insertRuns({ instanceId, workflowIds, runs, onProgress, t }: { instanceId: string; workflowIds: string[]; runs: SampleRun[]; onProgress?: (p: SampleDataProgress) => void; t: Transaction }) {
  const db = getDb();
  for (let start = 0; start < runs.length; start += RUN_CHUNK) {
    const chunk = runs.slice(start, start + RUN_CHUNK);
    const column = <T>(pick: (run: SampleRun, index: number) => T) => chunk.map((run, i) => pick(run, start + i));
    await db.query(
      `INSERT INTO execution_runs (instance_id, n8n_execution_id, workflow_id, status, mode, started_at, stopped_at,
         duration_ms, error_message, error_node, source)
       SELECT $1, t.id, t.workflow_id, t.status, t.mode, t.started_at,
              t.started_at + make_interval(secs => t.duration_ms / 1000.0), t.duration_ms, t.error_message, t.error_node,
              CASE WHEN t.status = 'error' THEN 'push' ELSE 'backfill' END
       FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::text[], $9::text[])
         AS t(id, workflow_id, status, mode, started_at, duration_ms, error_message, error_node)`,
      {
        bind: [
          instanceId,
          column((_, i) => String(1000 + i)),
          column((run) => workflowIds[run.workflowIndex]!),
          column((run) => run.status),
          column((run) => run.mode),
          column((run) => run.startedAt.toISOString()),
          column((run) => run.durationMs),
          column((run) => run.errorMessage),
          column((run) => run.errorNode),
        ],
        transaction: t,
      },
    );
    onProgress?.({ step: 'runs', done: Math.min(start + RUN_CHUNK, runs.length), total: runs.length });
  }
}

async function openSampleAlerts({ workflows, runs, now, t }: { workflows: Workflow[]; runs: SampleRun[]; now: Date; t: Transaction }) {
  const index = SAMPLE_WORKFLOWS.findIndex((w) => w.failingNow);
  const failures = runs.filter((r) => r.workflowIndex === index && r.status === 'error');
  const last = failures.at(-1);
  if (!last) return;
  const workflow = workflows[index]!;
  await Alert.create({
    workflowId: workflow.id,
    kind: 'error',
    message: last.errorMessage ?? 'Workflow failing',
    details: { errorNode: last.errorNode },
    count: failures.filter((r) => now.getTime() - r.startedAt.getTime() < 3 * 3_600_000).length || 1,
    openedAt: new Date(last.startedAt.getTime() - 2 * 3_600_000),
    lastNotifiedAt: last.startedAt,
    resolvedAt: null,
  }, { transaction: t });
  await workflow.update({ status: 'error' }, { transaction: t });
}

async function createSampleInvoices({ clients, now, t }: { clients: Map<string, Client>; now: Date; t: Transaction }) {
  let count = 0;
  const today = now.toISOString().slice(0, 10);
  for (const client of clients.values()) {
    // the setup fee is billed when the client signs
    const joined = client.createdAt.toISOString().slice(0, 10);
    const setup = await createInvoice({ clientId: client.id, type: 'setup', lines: [{ description: `Setup: ${client.plan} automation package`, quantity: 1, unitAmount: client.setupFee }], issueDate: joined }, t);
    await markPaid({ invoice: setup, day: addDays({ day: joined, days: 10 }), t });
    count++;
    if (client.billingCycle === 'yearly') {
      // a yearly client pays its yearly fee once, for twelve months (as the API fills plan invoices)
      const issueDate = addDays({ day: today, days: -95 });
      const plan = planInvoiceFor({ client, issueDate });
      const yearly = await createInvoice({ clientId: client.id, type: 'monthly', lines: plan.lines, issueDate, periodStart: plan.period.start, periodEnd: plan.period.end }, t);
      await markPaid({ invoice: yearly, day: addDays({ day: issueDate, days: 9 }), t });
      count++;
      continue;
    }
    const months = client.status === 'churned' ? [3, 2] : [3, 2, 1, 0];
    for (const monthsAgo of months) {
      const issueDate = addDays({ day: today, days: -30 * monthsAgo - 2 });
      const invoice = await createInvoice({
        clientId: client.id,
        type: 'monthly',
        lines: [
          { description: `${client.plan} plan — monthly retainer`, quantity: 1, unitAmount: client.monthlyFee },
          ...(monthsAgo === 1 ? [{ description: 'Extra development hours', quantity: 3.5, unitAmount: '95.00' }] : []),
        ],
        issueDate,
        periodStart: issueDate,
        periodEnd: addDays({ day: issueDate, days: 29 }),
      }, t);
      count++;
      if (monthsAgo >= 2 || (monthsAgo === 1 && client.slug !== 'bluebird-dental')) await markPaid({ invoice, day: addDays({ day: issueDate, days: 6 }), t });
      else if (invoice.dueDate < today) await invoice.update({ status: 'overdue' }, { transaction: t });
    }
  }
  const acme = clients.get('acme-logistics')!;
  const voided = await createInvoice({ clientId: acme.id, type: 'additional', lines: [{ description: 'Duplicate: carrier API integration', quantity: 1, unitAmount: '750.00' }], issueDate: addDays({ day: today, days: -40 }) }, t);
  await voided.update({ status: 'void', voidedAt: new Date(now.getTime() - 39 * 86_400_000) }, { transaction: t });
  return count + 1;
}

async function markPaid({ invoice, day, t }: { invoice: Invoice; day: string; t: Transaction }) {
  await invoice.update({ status: 'paid', paidAt: new Date(`${day}T10:00:00Z`), paymentMethod: 'bank_transfer' }, { transaction: t });
}

async function createSampleCredentials({ clients, t }: { clients: Map<string, Client>; t: Transaction }) {
  const entries: [string, string, 'api_key' | 'oauth2' | 'basic_auth', 'active' | 'pending'][] = [
    ['acme-logistics', 'Shopify Admin API', 'api_key', 'active'],
    ['acme-logistics', 'Xero', 'oauth2', 'active'],
    ['northwind-retail', 'HubSpot private app', 'api_key', 'active'],
    ['northwind-retail', 'Zendesk', 'basic_auth', 'pending'],
    ['bluebird-dental', 'Twilio', 'api_key', 'active'],
    ['helios-energy', 'Salesforce', 'oauth2', 'active'],
  ];
  for (const [slug, serviceName, credentialType, status] of entries) {
    await createCredential({ clientId: clients.get(slug)!.id, serviceName, credentialType, status, fields: { secret: `demo_${randomBytes(12).toString('hex')}` } }, t);
  }
}

function firstOfNextMonth(now: Date) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}
