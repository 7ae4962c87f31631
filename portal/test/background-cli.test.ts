import { Email, ExecutionRun, Invoice, InvoiceReminder, N8nInstance, SyncRun } from '~/models/index.server';
import { loadSampleData } from '~/services/sample-data/load.server';
import { runCli } from './helpers/cli';
import { serveFakeN8n } from './helpers/fake-n8n';
import { buildDeadJob } from './helpers/jobs';

// The background commands on the demo agency, run the way an operator runs them (a child process).
// check-workflow-health has its own file (health-cli.test.ts): what the demo's runs look like depends on
// the time of day they are generated at.

let n8n: Awaited<ReturnType<typeof serveFakeN8n>>;
beforeAll(async () => {
  await loadSampleData();
  n8n = await serveFakeN8n();
});
afterAll(async () => {
  await n8n.close();
});

describe('background commands on the demo data', () => {
  it('send-invoice-reminders marks overdue invoices and queues the due reminders; run-jobs files them in the outbox', async () => {
    const overdueBefore = await Invoice.count({ where: { status: 'overdue' } });
    const first = await runCli(['send-invoice-reminders']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Checked \d+ open invoices: \d+ reminders queued, \d+ marked overdue\./);
    const reminders = await InvoiceReminder.count();
    expect(reminders).toBeGreaterThan(0);
    expect(await Invoice.count({ where: { status: 'overdue' } })).toBeGreaterThanOrEqual(overdueBefore);

    const worked = await runCli(['run-jobs', '--until-idle']);
    expect(worked.code).toBe(0);
    expect(await Email.count({ where: { template: ['invoice-reminder-before', 'invoice-reminder-due', 'invoice-reminder-overdue'], status: 'outbox' } })).toBeGreaterThanOrEqual(reminders);
  });

  it('sync-executions explains what is missing, then syncs an instance by name', async () => {
    // the demo instance is push-only (no API key)
    const none = await runCli(['sync-executions']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No n8n instance has an API key');

    const workflow = n8n.fake.addWorkflow({ name: 'Imported from n8n', tags: ['client:acme-logistics'] });
    n8n.fake.addExecutions({ count: 600, workflowIds: [workflow.id], from: new Date('2026-04-01T00:00:00Z') });
    // N8N_URL and N8N_API_KEY create the default instance, which the sync then reads
    const result = await runCli(['sync-executions', '--instance', 'Default n8n'], { N8N_URL: n8n.fake.baseUrl, N8N_API_KEY: n8n.fake.apiKey });
    expect(result.code).toBe(0);
    const instance = (await N8nInstance.findOne({ where: { identity: n8n.fake.baseUrl } }))!;
    expect(result.stdout).toContain('Default n8n: 1 workflows; 600 executions in 4 pages (600 new, 0 updated).');
    expect(await ExecutionRun.count({ where: { instanceId: instance.id } })).toBe(600);
    expect(await SyncRun.findOne({ where: { instanceId: instance.id, status: 'ok' } })).toMatchObject({ trigger: 'cli' });
  });

  it('failed-jobs lists the dead-lettered jobs', async () => {
    const id = await buildDeadJob({ queue: 'email', data: { emailId: '0b7e1f3a-58a0-4f7e-9b1c-2f4a8d6e0c11' }, error: 'Mail not sent: ECONNREFUSED' });
    const listed = await runCli(['failed-jobs']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/email\s+waiting \d+, retrying \d+, active \d+, dead-lettered 1/);
    expect(listed.stdout).toContain(`${id}  email`);
    expect(listed.stdout).toContain('Mail not sent: ECONNREFUSED');
  });
});
