import { Workflow } from '~/models/index.server';
import { sealSecret } from '~/services/secrets.server';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { FakeN8n } from './helpers/fake-n8n';
import { serveHandlers } from './helpers/http-fake';
import { startPortal, type PortalProcess } from './helpers/portal-process';

// The real portal process calling a fake n8n served over real HTTP on 127.0.0.1.
let portal: PortalProcess;
let n8n: { fake: FakeN8n; url: string; close: () => Promise<void> };
beforeAll(async () => {
  let fake!: FakeN8n;
  const served = await serveHandlers((baseUrl) => {
    fake = new FakeN8n({ baseUrl });
    return fake.handlers();
  });
  n8n = { fake, ...served };
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
  await n8n?.close();
});

async function setup({ baseUrl = n8n.url, apiKey = n8n.fake.apiKey }: { baseUrl?: string; apiKey?: string } = {}) {
  const instance = await buildInstance({ baseUrl, identity: `${baseUrl}/${Math.random()}`, apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: apiKey }) });
  const remote = n8n.fake.addWorkflow({ name: 'Lead router', active: false });
  const client = await buildClient();
  const workflow = await buildWorkflow({ instance, client, n8nWorkflowId: remote.id, name: 'Lead router', status: 'paused' });
  const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
  return { remote, workflow, client, staff };
}

describe('POST /workflows/{id}/activate and /deactivate', () => {
  it('switches the workflow in n8n and answers with its new state', async () => {
    const { remote, workflow, staff } = await setup();
    const on = await staff('POST', `/workflows/${workflow.id}/activate`);
    expect([on.status, on.body.active, on.body.status]).toEqual([200, true, 'active']);
    expect(remote.active).toBe(true);
    const off = await staff('POST', `/workflows/${workflow.id}/deactivate`);
    expect([off.status, off.body.active, off.body.status]).toEqual([200, false, 'paused']);
    expect(remote.active).toBe(false);
  });

  it("answers n8n's refusal as 502 bad_gateway with n8n's message, and keeps the local state", async () => {
    const { workflow, staff } = await setup({ apiKey: 'revoked-key' });
    const result = await staff('POST', `/workflows/${workflow.id}/activate`);
    expect(result.status).toBe(502);
    expect(result.body).toEqual({
      error: { code: 'bad_gateway', message: 'n8n could not switch on "Lead router": n8n rejected the API key (401 Unauthorized): check the key of this instance', details: { n8n: ['unauthorized (HTTP 401)'] } },
    });
    expect((await Workflow.findByPk(workflow.id))!.active).toBe(false);
  });

  it('answers an unreachable n8n as 502', async () => {
    const gone = await serveHandlers(() => []);
    await gone.close();
    const { workflow, staff } = await setup({ baseUrl: gone.url });
    const result = await staff('POST', `/workflows/${workflow.id}/activate`);
    expect([result.status, result.body.error.code, result.body.error.details]).toEqual([502, 'bad_gateway', { n8n: ['network'] }]);
    expect(result.body.error.message).toContain(`Cannot reach n8n at ${gone.url}`);
  });

  it('is for staff only: a client gets 403 and n8n is not called', async () => {
    const { workflow, client } = await setup();
    const before = n8n.fake.requests.length;
    const clientApi = apiClient(portal.url, await tokenFor(await buildUser({ client })));
    expect((await clientApi('POST', `/workflows/${workflow.id}/activate`)).status).toBe(403);
    expect(n8n.fake.requests.length).toBe(before);
  });
});
