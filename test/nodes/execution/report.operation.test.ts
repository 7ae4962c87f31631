import { NodeApiError, sleep } from 'n8n-workflow';
import { HttpResponse, http } from 'msw';
import { API_TOKEN, PORTAL_URL } from '../helpers/fake-n8n';
import { errorEnvelope, startFakePortal } from '../helpers/fake-portal';
import { runMonoliet, threeItems } from '../helpers/run-node';

// Backoff pauses are recorded instead of waited for.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => undefined) }));

const portal = startFakePortal();
beforeAll(() => portal.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  portal.server.resetHandlers();
  portal.requests.length = 0;
  portal.ingested.length = 0;
  jest.mocked(sleep).mockClear();
});
afterAll(() => portal.server.close());

const report = (parameters: Record<string, unknown> = {}) => ({
  resource: 'execution',
  operation: 'report',
  status: 'success',
  onUnreachable: 'continue',
  overrides: {},
  options: {},
  ...parameters,
});

const portalDown = () => portal.server.use(http.post(`${PORTAL_URL}/api/v1/executions`, () => HttpResponse.error()));

describe('Execution → Report', () => {
  it('reports the running execution once, with the Bearer token and the instance identity', async () => {
    const startedAt = Date.parse('2026-11-25T09:00:00.000Z');
    const { output } = await runMonoliet({ parameters: report(), items: threeItems, executionStart: startedAt, mode: 'webhook' });

    expect(portal.requests).toHaveLength(1);
    const [request] = portal.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/v1/executions', authorization: `Bearer ${API_TOKEN}` });
    const batch = portal.ingested[0];
    expect(batch.instance).toBe('https://n8n.agency.test');
    expect(batch.runs).toHaveLength(1);
    const [run] = batch.runs;
    expect(run).toMatchObject({
      executionId: '1207',
      workflowId: 'wf_Orders01',
      workflowName: 'Orders sync',
      status: 'success',
      mode: 'webhook',
      startedAt: '2026-11-25T09:00:00.000Z',
      itemCount: 3,
    });
    expect(Date.parse(run.stoppedAt!)).toBeGreaterThan(startedAt);
    expect(run.durationMs).toBe(Date.parse(run.stoppedAt!) - startedAt);

    expect(output).toEqual([
      {
        json: { reported: true, instance: 'https://n8n.agency.test', run, result: { accepted: 1, created: 1, updated: 0, unchanged: 0 } },
        pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
      },
    ]);
  });

  it('uses the instance identity set in the credential', async () => {
    await runMonoliet({
      parameters: report(),
      credentials: { url: PORTAL_URL, apiToken: API_TOKEN, instance: 'acme-n8n-eu ' },
    });
    expect(portal.ingested[0].instance).toBe('acme-n8n-eu');
  });

  it('sends the overrides instead of what it reads from the execution', async () => {
    await runMonoliet({
      parameters: report({
        status: 'error',
        overrides: {
          executionId: '88',
          workflowId: 'wf_Other',
          workflowName: 'Invoices',
          mode: 'retry',
          retryOf: '87',
          errorMessage: 'Upstream API refused the order',
          errorNode: 'HTTP Request',
          itemCount: 0,
          // a date from n8n's date picker: local time in the workflow's time zone
          startedAt: '2026-07-01T10:00:00',
          durationMs: 1500,
        },
      }),
      timezone: 'Europe/Amsterdam',
    });
    expect(portal.ingested[0].runs[0]).toMatchObject({
      executionId: '88',
      workflowId: 'wf_Other',
      workflowName: 'Invoices',
      status: 'error',
      mode: 'retry',
      retryOf: '87',
      errorMessage: 'Upstream API refused the order',
      errorNode: 'HTTP Request',
      itemCount: 0,
      startedAt: '2026-07-01T08:00:00.000Z',
      durationMs: 1500,
    });
  });

  it('sends no stop time or duration when n8n does not say when the run started (n8n 1.x)', async () => {
    const before = Date.now();
    await runMonoliet({ parameters: report(), executionStart: null });
    const [run] = portal.ingested[0].runs;
    expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(before);
    expect(run).not.toHaveProperty('stoppedAt');
    expect(run).not.toHaveProperty('durationMs');
  });

  it('does not stop a running or waiting run', async () => {
    await runMonoliet({ parameters: report({ status: 'running' }) });
    expect(portal.ingested[0].runs[0]).not.toHaveProperty('stoppedAt');
  });

  it('retries with a growing pause while the portal answers 503, then reports', async () => {
    let calls = 0;
    portal.server.use(
      http.post(`${PORTAL_URL}/api/v1/executions`, () => (++calls < 3 ? errorEnvelope('unavailable', 'Portal is restarting') : undefined)),
    );
    const { output } = await runMonoliet({ parameters: report() });
    expect(calls).toBe(3);
    expect(jest.mocked(sleep).mock.calls.map(([ms]) => ms)).toEqual([1000, 2000]);
    expect(output[0].json).toMatchObject({ reported: true });
  });

  it('keeps the workflow going when the portal stays unreachable, within the retry time', async () => {
    portalDown();
    const { output, fake } = await runMonoliet({ parameters: report({ options: { retryFor: 15 } }), items: threeItems });
    const pauses = jest.mocked(sleep).mock.calls.map(([ms]) => ms);
    expect(pauses).toEqual([1000, 2000, 4000, 8000]);
    expect(output).toHaveLength(1);
    expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(output[0].json).toMatchObject({
      reported: false,
      attempts: 5,
      error: `Could not reach the Monoliet portal at ${PORTAL_URL}/api/v1/executions`,
      run: { executionId: '1207', status: 'success' },
    });
    expect(fake.context.logger.warn).toHaveBeenCalledWith(expect.stringContaining('run 1207 not reported'));
  });

  it('tries once when the retry time is 0', async () => {
    portalDown();
    const { output } = await runMonoliet({ parameters: report({ options: { retryFor: 0 } }) });
    expect(sleep).not.toHaveBeenCalled();
    expect(output[0].json).toMatchObject({ reported: false, attempts: 1 });
  });

  it('fails the workflow when the portal is unreachable and the node is set to fail', async () => {
    portalDown();
    const run = runMonoliet({ parameters: report({ onUnreachable: 'fail', options: { retryFor: 3 } }) });
    await expect(run).rejects.toThrow(NodeApiError);
    await expect(runMonoliet({ parameters: report({ onUnreachable: 'fail', options: { retryFor: 0 } }) })).rejects.toThrow(
      `Could not reach the Monoliet portal at ${PORTAL_URL}/api/v1/executions`,
    );
  });

  it('fails at once with the portal\'s message when the token is refused, even when set to continue', async () => {
    const run = runMonoliet({ parameters: report(), credentials: { url: PORTAL_URL, apiToken: 'revoked' } });
    await expect(run).rejects.toMatchObject({
      message: 'Invalid or revoked API token',
      httpCode: '401',
      description: expect.stringContaining('Error code: unauthorized'),
    });
    expect(portal.requests).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('shows the fields the portal refused', async () => {
    const run = runMonoliet({ parameters: report({ overrides: { executionId: 'not an id!' } }) });
    await expect(run).rejects.toMatchObject({
      message: 'Invalid request body',
      httpCode: '400',
      description: expect.stringContaining('runs.0.executionId: must be an n8n execution id'),
    });
  });

  it('outputs the error, paired with every item, when the node continues on fail', async () => {
    const { output } = await runMonoliet({
      parameters: report(),
      items: threeItems,
      credentials: { url: PORTAL_URL, apiToken: 'revoked' },
      continueOnFail: true,
    });
    expect(output).toEqual([{ json: { error: 'Invalid or revoked API token' }, pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }] }]);
  });

  it('asks to save the workflow first when it has no ID yet', async () => {
    const run = runMonoliet({ parameters: report(), workflow: { id: undefined, name: 'My workflow' } });
    await expect(run).rejects.toThrow('This run has no execution or workflow ID yet');
    expect(portal.requests).toHaveLength(0);
  });

  it('refuses an override date it cannot read', async () => {
    const run = runMonoliet({ parameters: report({ overrides: { startedAt: 'yesterday-ish' } }) });
    await expect(run).rejects.toThrow('"yesterday-ish" is not a valid date');
  });
});
