import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { Monoliet } from '../../nodes/Monoliet/Monoliet.node.js'; // .js: without it the sibling Monoliet.node.json wins
import type { BenchContext } from '../lib/context';
import { percentiles } from '../lib/load';
import { atMost, type BenchmarkOutcome } from '../lib/results';

const INGEST_ANSWER = JSON.stringify({ accepted: 1, created: 1, updated: 0, unchanged: 0 });

/** A server that reads the body and answers what the portal would, doing nothing else. */
async function startNoopServer() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(INGEST_ANSWER));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** n8n's httpRequest for the options the node uses, over fetch (n8n's harness is not published). */
async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
  const url = new URL(options.url, options.baseURL);
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...(options.headers as Record<string, string>) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = options.json && text ? JSON.parse(text) : text;
  if (!response.ok && !options.ignoreHttpStatusErrors) throw Object.assign(new Error(`Request failed with status code ${response.status}`), { response: { status: response.status, data: body } });
  return options.returnFullResponse ? { body, headers: Object.fromEntries(response.headers), statusCode: response.status, statusMessage: response.statusText } : body;
}

/** The context n8n gives the node's execute() for one run of the Report operation (a new execution each time). */
function reportContext({ url, token, executionId }: { url: string; token: string; executionId: string }): IExecuteFunctions {
  const parameters: Record<string, unknown> = { resource: 'execution', operation: 'report', status: 'success', onUnreachable: 'fail', overrides: {}, options: {} };
  const node = { id: 'bench', name: 'Monoliet', type: 'n8n-nodes-monoliet.monoliet', typeVersion: 1, position: [0, 0], parameters: {} };
  const context = {
    getInputData: () => [{ json: {} }],
    getNodeParameter: (name: string, _index: number, fallback?: unknown) => name.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], parameters) ?? fallback,
    getNode: () => node,
    getCredentials: async () => ({ url, apiToken: token, instance: '' }),
    getWorkflow: () => ({ id: 'wf00001', name: 'Workflow wf00001', active: true }),
    getExecutionId: () => executionId,
    getMode: () => 'trigger',
    getInstanceBaseUrl: () => 'https://n8n.bench.example/',
    getTimezone: () => 'UTC',
    continueOnFail: () => false,
    getExecutionContext: () => ({ version: 1, establishedAt: Date.now() - 1500, source: 'trigger' }),
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    helpers: {
      httpRequest,
      httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => httpRequest({ ...options, headers: { ...options.headers, Authorization: `Bearer ${token}` } }),
      returnJsonArray: (data: object | object[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
    },
  };
  return context as unknown as IExecuteFunctions;
}

async function timeExecute(options: { url: string; token: string; executionId: string }): Promise<number> {
  const started = performance.now();
  const [[output]] = await new Monoliet().execute.call(reportContext(options));
  if (output?.json.reported !== true) throw new Error(`the Report operation did not report: ${JSON.stringify(output?.json)}`);
  return performance.now() - started;
}

/**
 * The Report operation's execute() against a running portal (its world's instance and a staff token with
 * the ingest scope) and against a no-op server, alternating call by call so both see the same machine.
 */
export async function benchNodeOverhead({ context, portalUrl, token }: { context: BenchContext; portalUrl: string; token: string }): Promise<BenchmarkOutcome> {
  const noop = await startNoopServer();
  try {
    context.log(`node overhead: ${context.sizes.nodeCalls} Report executions against the portal and a no-op server, alternating`);
    const timings = { portal: [] as number[], noop: [] as number[] };
    const warmUp = context.sizes.warmUp;
    for (let i = 0; i < warmUp + context.sizes.nodeCalls; i++) {
      const onPortal = await timeExecute({ url: portalUrl, token, executionId: `node-${i}` });
      const onNoop = await timeExecute({ url: noop.url, token: 'none', executionId: `node-${i}` });
      if (i < warmUp) continue;
      timings.portal.push(onPortal);
      timings.noop.push(onNoop);
    }
    const p50 = { portal: percentiles(timings.portal).p50, noop: percentiles(timings.noop).p50 };
    return {
      errors: [],
      entries: [atMost({ benchmark: 'node overhead', name: 'added p50 of execute()', unit: 'ms', baseline: p50.noop, value: p50.portal - p50.noop, max: 10, note: `p50 ${p50.portal.toFixed(1)} ms against the portal, ${p50.noop.toFixed(1)} ms against a no-op server` })],
    };
  } finally {
    await noop.close();
  }
}
